/**
 * The harness pages' script (bundled by the dev server): frames the widget's page (at once, or in
 * the list view's popup), speaks the CRM side of the SDK protocol with it, logs its API calls, and
 * wires the local CRM's switches.
 */
import '../../sdk/zod-without-eval';
import type { CallLogEntry } from '../invoke-schema';
import { PAGE_CONFIG_ELEMENT_ID, pageConfigSchema, type PageConfig } from '../page-config';
import { callLogRow } from './call-log-row';
import { embedWidget, type PageLogs } from './embed-widget';
import { setUpListView } from './list-view';
import { HARNESS_FAULTS, type HarnessFault } from './page-services';

/** What e2e tests read and drive through `window.__harness`. */
export interface HarnessHandle {
  /** Every API call the widget made through a connection, oldest first. */
  calls: (CallLogEntry & { at: string })[];
  /** Protocol messages in and out, by event name, oldest first. */
  protocol: { direction: 'in' | 'out'; eventName: string }[];
  /** Makes the next connection call fail this way. */
  failNext(fault: HarnessFault): void;
  /** Which page this is: the record detail page, the "Locked records" web tab, or a module's list view. */
  page: PageConfig['page'];
  /** Addresses the widget asked to open with `UI.Record.open`, oldest first. */
  opened: { href: string; target: string | null }[];
  /** Spends the org's API credits (every widget call then answers 429), or gives them back; as the page's switch does. */
  setApiLimitReached(reached: boolean): Promise<void>;
}

const config = pageConfigSchema.parse(JSON.parse(document.getElementById(PAGE_CONFIG_ELEMENT_ID)?.textContent ?? 'null'));
const log = document.getElementById('call-log');
const apiLimit = document.querySelector<HTMLInputElement>('input[data-api-limit]');
let queuedFault: HarnessFault | null = null;

const harness: HarnessHandle = {
  calls: [],
  protocol: [],
  page: config.page,
  opened: [],
  failNext(fault) {
    if (!HARNESS_FAULTS.includes(fault)) throw new Error(`failNext takes one of ${HARNESS_FAULTS.join(', ')}`);
    queuedFault = fault;
  },
  async setApiLimitReached(reached) {
    const response = await window.fetch('/__harness/api-limit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reached }),
    });
    if (!response.ok) throw new Error(`The API limit switch failed with HTTP ${response.status}`);
    if (apiLimit) apiLimit.checked = reached;
  },
};
(window as Window & { __harness?: HarnessHandle }).__harness = harness;

function showCall(call: CallLogEntry, at: string): void {
  const shown = callLogRow(call, at);
  const row = document.createElement('tr');
  for (const text of shown.cells) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.appendChild(cell);
  }
  const pathCell = row.children[2];
  if (pathCell instanceof HTMLElement) pathCell.title = shown.title;
  row.className = shown.className;
  log?.prepend(row);
}

/** Goes to the page's address with one parameter changed (or dropped when `value` is null). */
function switchQuery(name: string, value: string | null): void {
  const query = new URLSearchParams(window.location.search);
  if (value === null) query.delete(name);
  else query.set(name, value);
  // A new user keeps the record; a new module starts from that module's default record and first page.
  if (name === 'module') {
    query.delete('record');
    query.delete('page');
  }
  window.location.search = query.toString();
}

for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-switch]')) {
  select.addEventListener('change', () => switchQuery(select.name, select.value));
}
const theme = document.querySelector<HTMLInputElement>('input[data-theme-switch]');
theme?.addEventListener('change', () => switchQuery('theme', theme.checked ? 'night' : null));

apiLimit?.addEventListener('change', () => {
  const reached = apiLimit.checked;
  harness.setApiLimitReached(reached).catch((error: unknown) => {
    apiLimit.checked = !reached;
    console.error(error);
  });
});

const logs: PageLogs = {
  logCall(call) {
    const at = new Date().toISOString();
    harness.calls.push({ ...call, at });
    showCall(call, at.slice(11, 19));
  },
  logProtocol: (direction, eventName) => harness.protocol.push({ direction, eventName }),
  takeFault() {
    const fault = queuedFault;
    queuedFault = null;
    return fault;
  },
  navigate(href, target) {
    harness.opened.push({ href, target });
    // After the answer to the widget is posted, so that its promise settles before the page goes.
    setTimeout(() => {
      if (target === '_blank') window.open(href, '_blank', 'noopener');
      else window.location.assign(href);
    }, 0);
  },
};

const frame = document.getElementById('record-lock-frame');
if (config.page === 'list') {
  setUpListView(config, logs);
} else if (frame instanceof HTMLIFrameElement) {
  // The record page frames the widget beside a record (none: no frame); the web tab frames its page with no record.
  const pageLoad = config.page === 'tab' ? {} : config.recordId === null ? null : { Entity: config.module, EntityId: config.recordId };
  if (pageLoad !== null) embedWidget({ config, frame, pageLoad, logs });
}
