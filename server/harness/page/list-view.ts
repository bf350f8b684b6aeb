/**
 * The list view's script: row selection, the select-all box, and the custom button that opens the
 * extension's list page in a popup as Zoho does (a modal dialog with the frame), handing it the
 * selection as PageLoad. `UI.Popup.close()` closes the popup; `closeReload()` closes it and reloads
 * the list, so new lock states show.
 */
import type { PageConfig } from '../page-config';
import { embedWidget, type PageLogs } from './embed-widget';
import { listViewPageLoad, selectAllState, selectionLabel } from './list-selection';

export function setUpListView(config: PageConfig, logs: PageLogs): void {
  const rows = [...document.querySelectorAll<HTMLInputElement>('input[data-record-id]')];
  const selectAll = document.querySelector<HTMLInputElement>('input[data-select-all]');
  const count = document.querySelector<HTMLElement>('[data-selection-count]');
  const button = document.querySelector<HTMLButtonElement>('[data-list-button]');
  const popup = document.querySelector<HTMLElement>('[data-popup]');
  const box = popup?.querySelector<HTMLElement>('[role="dialog"]');
  const closeButton = popup?.querySelector<HTMLButtonElement>('[data-popup-close]');
  let open: { frame: HTMLIFrameElement; detach(): void } | null = null;

  const selected = () => rows.filter((row) => row.checked).map((row) => row.dataset.recordId ?? '');

  function showSelection(): void {
    const chosen = selected().length;
    if (count) count.textContent = selectionLabel(chosen);
    if (selectAll) Object.assign(selectAll, selectAllState(chosen, rows.length));
  }

  function close(reload: boolean): boolean {
    if (open === null) return false;
    const closing = open;
    open = null;
    if (popup) popup.hidden = true;
    // After the answer to the widget is posted, so that its promise settles before its frame goes.
    setTimeout(() => {
      closing.detach();
      closing.frame.remove();
      if (reload) window.location.reload();
      else button?.focus();
    }, 0);
    return true;
  }

  function openPopup(): void {
    if (open !== null || !popup || !box) return;
    const frame = document.createElement('iframe');
    frame.id = 'record-lock-frame';
    frame.className = 'widget-frame popup-frame';
    frame.title = button?.textContent ?? 'Record Lock';
    box.appendChild(frame);
    popup.hidden = false;
    // Zoho opens the button's widget even with nothing selected; the widget says so.
    const pageLoad = listViewPageLoad(config.module, selected());
    open = { frame, ...embedWidget({ config, frame, pageLoad, logs, closePopup: close }) };
    frame.focus();
  }

  for (const row of rows) row.addEventListener('change', showSelection);
  selectAll?.addEventListener('change', () => {
    for (const row of rows) row.checked = selectAll.checked;
    showSelection();
  });
  button?.addEventListener('click', openPopup);
  closeButton?.addEventListener('click', () => close(false));
  showSelection();
}
