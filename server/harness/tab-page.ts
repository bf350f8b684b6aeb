import { escapeHtml as e } from './escape-html';
import { CALL_LOG_PANEL, pageHead } from './page-frame';
import { options, pageConfigOf, TAB_LABEL, variantInput, type PageOrigins, type ServerSwitches } from './harness-page';
import type { TabPageData } from './tab-page-data';

function recordPageHref(data: TabPageData, module: string): string {
  const query = new URLSearchParams({ user: data.user.email, module });
  if (data.deployment !== 'US') query.set('dc', data.deployment.toLowerCase());
  if (data.latencyMs !== null) query.set('latency', String(data.latencyMs));
  if (data.variant !== null) query.set('variant', data.variant);
  if (data.locale !== null) query.set('locale', data.locale);
  return `/?${query}`;
}

/**
 * The "Locked records" web tab, Zoho CRM style: the CRM's menu with the tab current, and
 * overview.html framed as the tab's whole content, as Zoho frames a web tab.
 */
export function renderTabPage(
  data: TabPageData,
  origins: PageOrigins,
  switches: ServerSwitches = { apiLimitReached: false },
): string {
  const config = pageConfigOf({ ...data, record: null }, origins, 'tab');
  const userOptions = options(data.users.map((u) => ({ value: u.email, label: `${u.name} (${u.profileName})` })), data.user.email);
  const dc = data.deployment === 'US' ? '' : `<input type="hidden" name="dc" value="${e(data.deployment.toLowerCase())}" />`;
  const latency = data.latencyMs === null ? '' : `<input type="hidden" name="latency" value="${data.latencyMs}" />`;
  const locale = data.locale === null ? '' : `<input type="hidden" name="locale" value="${e(data.locale)}" />`;
  const moduleTabs = data.modules
    .map((m) => `<a class="crm-tab" href="${e(recordPageHref(data, m))}">${e(m.replace(/_/g, ' '))}</a>`)
    .join('');

  return `${pageHead(TAB_LABEL, config)}
<header class="crm-topbar">
  <span class="crm-logo">CRM</span>
  <nav class="crm-tabs" aria-label="Modules">${moduleTabs}<a class="crm-tab is-current" aria-current="page" href="">${TAB_LABEL}</a></nav>
  <form class="crm-switches" method="get" action="/tab" aria-label="Local CRM switches">
    <label>Signed in as <select name="user" data-switch="user">${userOptions}</select></label>
    <input type="hidden" name="module" value="${e(data.module)}" />
    <label><input type="checkbox" data-api-limit${switches.apiLimitReached ? ' checked' : ''} /> API limit reached</label>
    ${dc}${latency}${variantInput(data.variant)}${locale}
    <noscript><button type="submit">Open</button></noscript>
  </form>
</header>
<div class="crm-body is-webtab">
  <main class="crm-record crm-webtab">
    <iframe id="record-lock-frame" class="widget-frame webtab-frame" title="${TAB_LABEL}"></iframe>
  </main>
  ${CALL_LOG_PANEL}
</div>
</body>
</html>
`;
}
