import type { BrowserContext, Frame, Page } from 'playwright-core';
import { apiDomainOf, DEFAULT_DEPLOYMENT } from '../../server/harness/deployments';

/** The frame of `page` showing the extension's page at `path`, e.g. /app/overview.html; `what` names it in the error. */
export function frameAt(page: Page, path: string, what: string): Frame {
  const frame = page.frames().find((f) => new URL(f.url(), 'about:blank').pathname === path);
  if (!frame) throw new Error(`The ${what} frame is not in the page`);
  return frame;
}

/**
 * Installed in every frame of a context: in the widget's frame, notes `performance.now()` (time
 * since that frame's navigation started) at the first DOM change that shows the lock status.
 * The status element exists only once the widget has everything, so its first text is final.
 */
export async function markStatusShown(context: BrowserContext): Promise<void> {
  // Plain script text: tsx would wrap named functions in helpers that do not exist in the page.
  await context.addInitScript({
    content: `if (location.pathname === '/app/widget.html') {
  const observer = new MutationObserver(() => {
    const text = document.querySelector('[role="status"]')?.textContent ?? '';
    if (window.__statusShownAt === undefined && text.trim() !== '') {
      window.__statusShownAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}`,
  });
}

/** Milliseconds from the widget frame's navigation to the status shown, once it is. */
export async function statusShownAt(frame: Frame): Promise<number> {
  const handle = await frame.waitForFunction(
    () => (window as Window & { __statusShownAt?: number }).__statusShownAt,
    undefined,
    { polling: 20, timeout: 20_000 },
  );
  const value: unknown = await handle.jsonValue();
  if (typeof value !== 'number') throw new Error('The widget frame reported no status time');
  return value;
}

/** One connection call's round trip as the widget pays it: SDK, postMessage, CRM page, emulator and back. */
export async function connectionRoundTrip(frame: Frame): Promise<number> {
  const url = `${apiDomainOf(DEFAULT_DEPLOYMENT)}/crm/v8/users?type=CurrentUser`;
  const value: unknown = await frame.evaluate(async (target) => {
    const zoho = (window as unknown as { ZOHO: { CRM: { CONNECTION: { invoke(name: string, request: object): Promise<unknown> } } } }).ZOHO;
    const started = performance.now();
    await zoho.CRM.CONNECTION.invoke('recordlock_user', { url: target, method: 'GET' });
    return performance.now() - started;
  }, url);
  if (typeof value !== 'number') throw new Error('The round trip was not measured');
  return value;
}

/**
 * Clicks the button named `button` inside the frame and resolves with the milliseconds until the
 * status contains `status` and the live region says `notice`: the confirmed state a user sees.
 */
export async function timeClickToConfirmed(frame: Frame, step: { button: string; status: string; notice: string }): Promise<number> {
  const value: unknown = await frame.evaluate(
    ({ button, status, notice }) =>
      new Promise<number>((resolve, reject) => {
        const target = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === button);
        if (!target) {
          reject(new Error(`No button "${button}"`));
          return;
        }
        const giveUp = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`"${button}" was not confirmed within 10 s`));
        }, 10_000);
        // No named helpers in here: tsx would wrap them in a function the page does not have.
        const observer = new MutationObserver(() => {
          const statusText = document.querySelector('[role="status"]')?.textContent ?? '';
          const announced = [...document.querySelectorAll('[aria-live]')].some((region) => region.textContent?.includes(notice));
          if (!statusText.includes(status) || !announced) return;
          observer.disconnect();
          clearTimeout(giveUp);
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const started = performance.now();
        target.click();
      }),
    step,
  );
  if (typeof value !== 'number') throw new Error('The action was not timed');
  return value;
}
