/**
 * The CRM's top bar every harness page shares: the module menu (each module's list view, then the
 * "Locked records" web tab) and the local switches (signed-in user, the page's own choices, the
 * night theme, the API limit), which keep the session's data centre, latency, variants and locale.
 */
import { escapeHtml as e } from './escape-html';
import { harnessHref, type HarnessPath } from './harness-links';
import type { SessionData } from './session';

export const TAB_LABEL = 'Locked records';

export function options(items: { value: string; label: string }[], selected: string): string {
  return items
    .map((item) => `<option value="${e(item.value)}"${item.value === selected ? ' selected' : ''}>${e(item.label)}</option>`)
    .join('');
}

export const moduleLabel = (module: string): string => module.replace(/_/g, ' ');

export interface TopBar {
  session: SessionData;
  /** Modules in the menu, each linking to its list view. */
  modules: readonly string[];
  /** What is highlighted: the module being viewed (its list or one of its records), or the web tab. */
  current: 'module' | 'tab';
  /** Where the switches go, and the page's own switches (selects) and fixed choices. */
  action: HarnessPath;
  pageSwitches?: string;
  pageFields?: Record<string, string>;
  apiLimitReached: boolean;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${e(name)}" value="${e(value)}" />`;
}

/** The data centre, latency, variants and locale of the session, kept by every switch. */
function sessionFields(session: SessionData): string {
  return [
    session.deployment === 'US' ? '' : hidden('dc', session.deployment.toLowerCase()),
    session.latencyMs === null ? '' : hidden('latency', String(session.latencyMs)),
    session.variant === null ? '' : hidden('variant', session.variant),
    session.locale === null ? '' : hidden('locale', session.locale),
  ].join('');
}

function menu(bar: TopBar): string {
  const { session } = bar;
  const modules = bar.modules
    .map((m) => {
      const current = bar.current === 'module' && m === session.module ? ' is-current' : '';
      return `<a class="crm-tab${current}" href="${e(harnessHref('/list', session, { module: m }))}">${e(moduleLabel(m))}</a>`;
    })
    .join('');
  const tab =
    bar.current === 'tab'
      ? `<a class="crm-tab is-current" aria-current="page" href="">${TAB_LABEL}</a>`
      : `<a class="crm-tab" href="${e(harnessHref('/tab', session, { module: session.module }))}">${TAB_LABEL}</a>`;
  return `<nav class="crm-tabs" aria-label="Modules">${modules}${tab}</nav>`;
}

export function crmTopBar(bar: TopBar): string {
  const { session } = bar;
  const users = options(session.users.map((u) => ({ value: u.email, label: `${u.name} (${u.profileName})` })), session.user.email);
  const fields = Object.entries(bar.pageFields ?? {}).map(([name, value]) => hidden(name, value)).join('');
  return `<header class="crm-topbar">
  <span class="crm-logo">CRM</span>
  ${menu(bar)}
  <form class="crm-switches" method="get" action="${bar.action}" aria-label="Local CRM switches">
    <label>Signed in as <select name="user" data-switch="user">${users}</select></label>
    ${bar.pageSwitches ?? ''}${fields}
    <label><input type="checkbox" name="theme" value="night" data-theme-switch${session.theme === 'night' ? ' checked' : ''} /> Night theme</label>
    <label><input type="checkbox" data-api-limit${bar.apiLimitReached ? ' checked' : ''} /> API limit reached</label>
    ${sessionFields(session)}
    <noscript><button type="submit">Open</button></noscript>
  </form>
</header>`;
}
