import { crmTopBar, TAB_LABEL } from './page-chrome';
import { pageConfigOf, type PageOrigins, type ServerSwitches } from './harness-page';
import { CALL_LOG_PANEL, pageHead } from './page-frame';
import type { TabPageData } from './tab-page-data';

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
  return `${pageHead(TAB_LABEL, config)}
${crmTopBar({
  session: data,
  modules: data.modules,
  current: 'tab',
  action: '/tab',
  pageFields: { module: data.module },
  apiLimitReached: switches.apiLimitReached,
})}
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
