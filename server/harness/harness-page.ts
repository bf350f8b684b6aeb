import { escapeHtml as e } from './escape-html';
import { crmTopBar, moduleLabel, options } from './page-chrome';
import type { PageConfig } from './page-config';
import type { HarnessPageData } from './page-data';
import { CALL_LOG_PANEL, pageHead } from './page-frame';
import type { SessionData } from './session';

export interface PageOrigins {
  /** Where the CRM page is served, e.g. http://127.0.0.1:5000 */
  harness: string;
  /** Where the widget is served, a different origin as in Zoho, e.g. http://localhost:5000 */
  widget: string;
}

export const WIDGET_PATH = '/app/widget.html';
/** The Web Tab's page: Zoho frames it as the whole content of a tab of its own in the CRM's menu. */
export const OVERVIEW_PATH = '/app/overview.html';
/** The list-view button's page, which Zoho opens in a popup over a module's list. */
export const LIST_PATH = '/app/list.html';
export const ZDK_SCRIPT_PATH = '/sdk/zdk.js';

/**
 * The widget frame's URL as Zoho builds it: the widget's page with `serviceOrigin` (URL-encoded
 * origin of the CRM page, where the SDK posts) and `frameorigin` (the same, Zoho's name for the
 * embedding origin on framed pages).
 */
export function widgetFrameUrl(origins: PageOrigins, path: string = WIDGET_PATH): string {
  const parent = encodeURIComponent(origins.harness);
  return `${origins.widget}${path}?serviceOrigin=${parent}&frameorigin=${parent}`;
}

const WIDGET_PAGES: Record<PageConfig['page'], string> = { record: WIDGET_PATH, tab: OVERVIEW_PATH, list: LIST_PATH };

function firstOf(list: unknown, key: string): Record<string, unknown> {
  const items = typeof list === 'object' && list !== null ? (list as Record<string, unknown>)[key] : undefined;
  const first: unknown = Array.isArray(items) ? items[0] : undefined;
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
}

export function pageConfigOf(
  data: SessionData & { record: { id: string } | null },
  origins: PageOrigins,
  page: PageConfig['page'] = 'record',
): PageConfig {
  const signedIn = firstOf(data.currentUser, 'users');
  // `&locale=` shows the widget in another language: the SDK reports that locale as the user's.
  const user = data.locale === null ? signedIn : { ...signedIn, locale: data.locale, country_locale: data.locale };
  const org = firstOf(data.org, 'org');
  return {
    page,
    user: data.user.email,
    module: data.module,
    recordId: data.record?.id ?? null,
    deployment: data.deployment,
    locale: typeof user.locale === 'string' ? user.locale : 'en_US',
    theme: data.theme,
    widgetOrigin: origins.widget,
    widgetUrl: widgetFrameUrl(origins, WIDGET_PAGES[page]),
    zdkScriptUrl: `${origins.widget}${ZDK_SCRIPT_PATH}`,
    latencyMs: data.latencyMs,
    variant: data.variant,
    // getCurrentUser() resolves with `{users:[user]}` (SDK reference §3).
    currentUser: { users: Object.keys(user).length > 0 ? [user] : [] },
    environment: {
      deployment: data.deployment,
      ZGID: String(org.zgid ?? org.id ?? ''),
      ZUID: String(user.zuid ?? user.id ?? ''),
      appDetails: { appUrl: origins.harness },
    },
    org: data.org,
  };
}

/** Switches of the local CRM that live on the server, not in the page's query. */
export interface ServerSwitches {
  /** The org's API credits are spent: every metered call answers 429 TOO_MANY_REQUESTS. */
  apiLimitReached: boolean;
}

/** The record detail page, Zoho CRM style, with the widget's frame in the related-list area. */
export function renderHarnessPage(
  data: HarnessPageData,
  origins: PageOrigins,
  switches: ServerSwitches = { apiLimitReached: false },
): string {
  const config = pageConfigOf(data, origins);
  const record = data.record;
  const moduleOptions = options(data.modules.map((m) => ({ value: m, label: moduleLabel(m) })), data.module);
  const recordOptions = options(
    data.records.map((r) => ({ value: r.id, label: `${r.name}${r.locked ? ' (locked)' : ''}` })),
    record?.id ?? '',
  );
  const fields = (record?.fields ?? [])
    .map((f) => `<div class="field"><dt>${e(f.label)}</dt><dd>${e(f.value)}</dd></div>`)
    .join('');

  return `${pageHead(`${e(record?.name ?? data.module)} - ${e(data.module)}`, config)}
${crmTopBar({
  session: data,
  modules: data.modules,
  current: 'module',
  action: '/',
  pageSwitches: `<label>Module <select name="module" data-switch="module">${moduleOptions}</select></label>
    <label>Record <select name="record" data-switch="record">${recordOptions}</select></label>`,
  apiLimitReached: switches.apiLimitReached,
})}
<div class="crm-body">
  <aside class="crm-sidebar"><span class="crm-module-name">${e(moduleLabel(data.module))}</span></aside>
  <main class="crm-record">
    <div class="record-header"><h1>${e(record?.name ?? 'No record')}</h1><span class="record-module">${e(data.module)}</span></div>
    ${
      record
        ? `<section class="record-card" aria-labelledby="details-title"><h2 id="details-title">${e(moduleLabel(data.module))} Information</h2><dl class="record-fields">${fields}</dl></section>
    <section class="record-card related-lists" aria-labelledby="related-title">
      <h2 id="related-title">Related List</h2>
      <div class="related-box">
        <h3>Record Lock</h3>
        <iframe id="record-lock-frame" class="widget-frame" title="Record Lock"></iframe>
      </div>
    </section>`
        : `<p class="record-empty">This module has no records in the local CRM.</p>`
    }
  </main>
  ${CALL_LOG_PANEL}
</div>
</body>
</html>
`;
}
