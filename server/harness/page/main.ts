/**
 * The harness page's script (bundled by the dev server): embeds the widget's frame, speaks the
 * CRM side of the SDK protocol with it, logs its API calls, and wires the user/module/record switches.
 */
import '../../sdk/zod-without-eval';
import type { CallLogEntry } from '../invoke-schema';
import { PAGE_CONFIG_ELEMENT_ID, pageConfigSchema } from '../page-config';
import { createWidgetParent } from '../widget-parent';
import { callLogRow } from './call-log-row';
import { HARNESS_FAULTS, createPageServices, type HarnessFault } from './page-services';

/** What e2e tests read and drive through `window.__harness`. */
export interface HarnessHandle {
  /** Every API call the widget made through a connection, oldest first. */
  calls: (CallLogEntry & { at: string })[];
  /** Protocol messages in and out, by event name, oldest first. */
  protocol: { direction: 'in' | 'out'; eventName: string }[];
  /** Makes the next connection call fail this way. */
  failNext(fault: HarnessFault): void;
  /** Which page this is: the record detail page or the "Locked records" web tab. */
  page: 'record' | 'tab';
  /** Addresses the widget asked to open with `UI.Record.open`, oldest first. */
  opened: { href: string; target: string | null }[];
  /** Spends the org's API credits (every widget call then answers 429), or gives them back; as the page's switch does. */
  setApiLimitReached(reached: boolean): Promise<void>;
}

const config = pageConfigSchema.parse(JSON.parse(document.getElementById(PAGE_CONFIG_ELEMENT_ID)?.textContent ?? 'null'));
const frame = document.getElementById('record-lock-frame');
const log = document.getElementById('call-log');
const apiLimit = document.querySelector<HTMLInputElement>('input[data-api-limit]');
let queuedFault: HarnessFault | null = null;
let registrations = 0;

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

function switchTo(select: HTMLSelectElement): void {
  const query = new URLSearchParams(window.location.search);
  query.set(select.name, select.value);
  // A new user keeps the record; a new module starts from that module's default record.
  if (select.name === 'module') query.delete('record');
  window.location.search = query.toString();
}

for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-switch]')) {
  select.addEventListener('change', () => switchTo(select));
}

apiLimit?.addEventListener('change', () => {
  const reached = apiLimit.checked;
  harness.setApiLimitReached(reached).catch((error: unknown) => {
    apiLimit.checked = !reached;
    console.error(error);
  });
});

function navigate(href: string, target: string | null): void {
  harness.opened.push({ href, target });
  // After the answer to the widget is posted, so that its promise settles before the page goes.
  setTimeout(() => {
    if (target === '_blank') window.open(href, '_blank', 'noopener');
    else window.location.assign(href);
  }, 0);
}

// The record page frames the widget beside a record; the web tab frames its page with no record.
const pageLoad = config.page === 'tab' ? {} : config.recordId === null ? null : { Entity: config.module, EntityId: config.recordId };

if (frame instanceof HTMLIFrameElement && pageLoad !== null) {
  const services = createPageServices({
    config,
    fetch: window.fetch.bind(window),
    resizeFrame: (height) => (frame.style.height = `${Math.max(0, Math.round(height))}px`),
    takeFault: () => {
      const fault = queuedFault;
      queuedFault = null;
      return fault;
    },
    logCall: (call) => {
      const at = new Date().toISOString();
      harness.calls.push({ ...call, at });
      showCall(call, at.slice(11, 19));
    },
    navigate,
  });
  const parent = createWidgetParent({
    frame: { window: () => frame.contentWindow, origin: config.widgetOrigin },
    post: (message) => frame.contentWindow?.postMessage(message, config.widgetOrigin),
    context: { connectors: {}, locale: config.locale },
    pageLoad,
    services,
    newUniqueId: () => `record-lock-${Date.now().toString(36)}-${(registrations += 1)}`,
    observe: (direction, message) => harness.protocol.push({ direction, eventName: String(message.eventName) }),
  });
  // Listen before the frame exists, so that its REGISTER cannot be missed.
  window.addEventListener('message', (event) => void parent.handleMessage(event));
  frame.src = config.widgetUrl;
}
