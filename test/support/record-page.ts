import { harnessCalls } from './harness-calls';
import type { BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';

export const WIDGET_FRAME = '#record-lock-frame';
export const STATUS_NAME = 'Lock status';

export interface RecordPageQuery {
  /** A demo user's email, e.g. rep@example.com */
  user: string;
  /** Module API name; default Deals. */
  module?: string;
  record: string;
  /** Delay the harness adds to each connection call. */
  latencyMs?: number;
  /** The Zoho locale to show the widget in instead of the user's own, e.g. en_US. */
  locale?: string;
  /** The user's Zoho theme, as the harness's Night theme switch sets it; default day. */
  theme?: 'day' | 'night';
  /** Emulator variants the widget's calls meet (`&variant=`, sent as X-Emulator-Variant), comma-separated, e.g. task-picklists. */
  variant?: string;
}

/** The harness page for one user and record, e.g. http://127.0.0.1:5000/?user=…&module=Deals&record=… */
export function recordPageUrl(serverUrl: string, query: RecordPageQuery): string {
  const params = new URLSearchParams({ user: query.user, module: query.module ?? 'Deals', record: query.record });
  if (query.latencyMs !== undefined) params.set('latency', String(query.latencyMs));
  if (query.locale !== undefined) params.set('locale', query.locale);
  if (query.theme !== undefined) params.set('theme', query.theme);
  if (query.variant !== undefined) params.set('variant', query.variant);
  return `${serverUrl}/?${params}`;
}

export interface RecordPage {
  page: Page;
  /** The widget's cross-origin frame, for queries by role. */
  widget: FrameLocator;
  /** role="status" named "Lock status" (or its translation). */
  status: Locator;
  /** The widget frame itself, for evaluating scripts inside it. */
  widgetFrame(): Frame;
}

/** Opens the record page in a new tab and waits until the widget shows the lock status. */
export async function openRecordPage(
  context: BrowserContext,
  serverUrl: string,
  query: RecordPageQuery,
  options: { statusName?: string } = {},
): Promise<RecordPage> {
  const page = await context.newPage();
  await page.goto(recordPageUrl(serverUrl, query));
  return recordPageOf(page, options);
}

/** The widget parts of a record page already open in `page`; waits for the lock status. */
export async function recordPageOf(page: Page, options: { statusName?: string } = {}): Promise<RecordPage> {
  const widget = page.frameLocator(WIDGET_FRAME);
  const status = widget.getByRole('status', { name: options.statusName ?? STATUS_NAME });
  await status.waitFor();
  return {
    page,
    widget,
    status,
    widgetFrame() {
      const frame = page.frames().find((f) => new URL(f.url(), 'about:blank').pathname === '/app/widget.html');
      if (!frame) throw new Error('The widget frame is not in the page');
      return frame;
    },
  };
}

/** How long `expect.poll` waits for the widget: the machine is shared, so well above the 1 s default. */
export const WAIT = { timeout: 10_000 } as const;

/** Opens the panel's lock history, unless it is open already (so that polling it never closes it), and gives its lines. */
export async function historyLines(view: RecordPage): Promise<string[]> {
  const show = view.widget.getByRole('button', { name: 'Show history' });
  if ((await show.count()) > 0) await show.click();
  const list = view.widget.getByRole('list', { name: 'Lock history' });
  await list.waitFor(WAIT);
  return list.getByRole('listitem').allInnerTexts();
}

/**
 * Waits until the panel has finished what it does by itself after showing the status: the unlock
 * requests and history have loaded (their "Show history" button is there) and the call log has
 * stopped growing.
 */
export async function settledView(view: RecordPage): Promise<void> {
  await view.widget.getByRole('button', { name: 'Show history' }).waitFor();
  let seen = -1;
  for (;;) {
    const count = (await harnessCalls(view.page)).length;
    if (count === seen) return;
    seen = count;
    await view.page.waitForTimeout(300);
  }
}
