import { escapeHtml as e } from './escape-html';
import { harnessHref } from './harness-links';
import { pageConfigOf, type PageOrigins, type ServerSwitches } from './harness-page';
import type { ListPageData, ListRow } from './list-page-data';
import { crmTopBar, moduleLabel } from './page-chrome';
import { CALL_LOG_PANEL, pageHead } from './page-frame';

/** The custom button the extension puts in a module's list view, opening app/list.html in a popup. */
export const LIST_BUTTON_LABEL = 'Lock records';

function row(record: ListRow): string {
  return `<tr>
        <td class="list-check"><input type="checkbox" data-record-id="${e(record.id)}" aria-label="Select ${e(record.name)}" /></td>
        <td><a href="${e(record.href)}">${e(record.name)}</a></td>
        <td>${e(record.owner)}</td>
        <td>${e(record.state ?? '')}</td>
        <td>${record.locked ? '<span class="list-locked">Locked</span>' : ''}</td>
      </tr>`;
}

function pages(data: ListPageData): string {
  const to = (page: number) => e(harnessHref('/list', data, { module: data.module, page: String(page) }));
  const previous = data.page > 1 ? `<a href="${to(data.page - 1)}">Previous</a>` : '';
  const next = data.moreRecords ? `<a href="${to(data.page + 1)}">Next</a>` : '';
  return `<nav class="list-pages" aria-label="Pages">${previous}<span>Page ${data.page}</span>${next}</nav>`;
}

/**
 * A module's list view, Zoho CRM style: its records with a checkbox each and one for all, and the
 * extension's custom button in the toolbar. The button opens app/list.html in a popup (a dialog
 * with the frame, built by the page's script) and hands it the selection as Zoho's PageLoad.
 */
export function renderListPage(data: ListPageData, origins: PageOrigins, switches: ServerSwitches = { apiLimitReached: false }): string {
  const config = pageConfigOf({ ...data, record: null }, origins, 'list');
  const title = `All ${moduleLabel(data.module)}`;
  const body =
    data.rows.length === 0
      ? `<tr><td colspan="5" class="list-empty">This module has no records in the local CRM.</td></tr>`
      : data.rows.map(row).join('');
  return `${pageHead(`${e(title)}`, config)}
${crmTopBar({
  session: data,
  modules: data.modules,
  current: 'module',
  action: '/list',
  pageFields: { module: data.module },
  apiLimitReached: switches.apiLimitReached,
})}
<div class="crm-body is-list">
  <main class="crm-record crm-list">
    <div class="list-header">
      <h1>${e(title)}</h1>
      <div class="list-toolbar" role="toolbar" aria-label="Actions on the selected records">
        <span class="list-selection" data-selection-count aria-live="polite">0 records selected</span>
        <button type="button" class="list-button" data-list-button>${LIST_BUTTON_LABEL}</button>
      </div>
    </div>
    <table class="list-table" aria-label="${e(title)}">
      <thead><tr>
        <th class="list-check"><input type="checkbox" data-select-all aria-label="Select all" /></th>
        <th>${e(data.nameLabel)}</th><th>Owner</th><th>${data.module === 'Deals' ? 'Stage' : 'Status'}</th><th>Locked</th>
      </tr></thead>
      <tbody>
      ${body}
      </tbody>
    </table>
    ${pages(data)}
  </main>
  ${CALL_LOG_PANEL}
</div>
<div class="crm-popup" data-popup hidden>
  <div class="crm-popup-box" role="dialog" aria-modal="true" aria-labelledby="popup-title">
    <div class="crm-popup-header"><h2 id="popup-title">${LIST_BUTTON_LABEL}</h2><button type="button" data-popup-close aria-label="Close">×</button></div>
  </div>
</div>
</body>
</html>
`;
}
