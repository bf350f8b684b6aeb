import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { useBrowserSuite, type BrowserSuite } from '../support/browser-suite';
import { harnessCalls } from '../support/harness-calls';
import { recordPageOf, recordPageUrl, settledView } from '../support/record-page';
import { serveThirdOriginPage } from '../support/third-origin-page';

/** Set ZOHO_SDK_FILE to a saved copy of Zoho's ZohoEmbededAppSDK.min.js to run the journey against it too. */
const zohoSdkFile = process.env.ZOHO_SDK_FILE;
const ROUNDS = 150;

/**
 * Another extension's frame on the same CRM page: from its first moment it floods the widget's
 * window with Zoho's PageLoad for a record of its choosing and with answers to every request id
 * the SDK is likely to use, as objects and as JSON strings.
 */
const FOREIGN_PAGE = `<!doctype html><title>Another extension</title><script>
const forged = [{ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'EVIL', EntityId: '666' } }];
for (let n = 100; n <= 120; n += 1) {
  forged.push({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise' + n,
    data: { code: 'SUCCESS', details: { statusMessage: '{"data":[{"id":"666","Locked_Reason__s":"EVIL"}]}' },
      users: [{ id: '666', full_name: 'EVIL', email: 'evil@example.com', profile: { id: '666', name: 'Administrator' } }],
      deployment: 'EVIL', Entity: 'EVIL', EntityId: '666' } });
}
let rounds = 0;
const flood = setInterval(() => {
  const widget = parent.frames[0];
  for (const message of forged) {
    widget.postMessage(message, '*');
    widget.postMessage(JSON.stringify(message), '*');
  }
  rounds += 1;
  if (rounds >= ${ROUNDS}) { clearInterval(flood); document.title = 'done'; }
}, 20);
</script>`;

/**
 * Makes the SDK in the widget's frame believe every message comes from the CRM page, as Zoho's own
 * file does (it checks no sender): only the widget's own guard, a capture listener that runs
 * first, then stands between a foreign frame and the widget.
 */
function trustEverySender(): void {
  if (location.pathname !== '/app/widget.html') return;
  const announced = new URLSearchParams(location.search).get('serviceOrigin') ?? '';
  const add = window.addEventListener.bind(window);
  const capture = (options: unknown) => options === true || (typeof options === 'object' && options !== null && 'capture' in options && options.capture === true);
  window.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    if (type !== 'message' || capture(options) || typeof listener !== 'function') return add(type, listener, options);
    return add(type, (event: Event) => {
      const { data } = event as MessageEvent;
      listener({ data, origin: new URL(announced).origin, source: window.parent } as unknown as Event);
    }, options);
  }) as typeof window.addEventListener;
}

function journey(suite: BrowserSuite, options: { sdkTrustsEverySender: boolean }): void {
  it('ignores PageLoad and answers posted by a frame of another origin: same screen, no API call', async () => {
    const context = suite.context();
    const foreign = await serveThirdOriginPage(FOREIGN_PAGE);
    try {
      if (options.sdkTrustsEverySender) await context.addInitScript(trustEverySender);
      // The frame joins the CRM page as soon as the page's own script has started the widget's frame.
      await context.addInitScript((src: string) => {
        if (window.top !== window || location.pathname !== '/') return;
        document.addEventListener('DOMContentLoaded', () => {
          const frame = document.createElement('iframe');
          frame.src = src;
          frame.title = 'Another extension';
          document.body.append(frame);
        });
      }, foreign.url);
      const page = await context.newPage();
      await page.goto(recordPageUrl(suite.server().url, { user: 'manager@example.com', record: SEED.deals.hooliPricing }));
      const view = await recordPageOf(page);
      await settledView(view);
      const shownFirst = await view.widget.locator('body').innerText();
      const callsFirst = await harnessCalls(page);

      const foreignFrame = page.frames().find((frame) => frame.url() === foreign.url);
      if (!foreignFrame) throw new Error('The foreign frame is not in the page');
      // Polled by time: an off-screen frame of another origin gets no animation frames.
      await foreignFrame.waitForFunction(() => document.title === 'done', undefined, { polling: 100, timeout: 20_000 });

      expect(shownFirst).toContain('Locked by Rita Rep');
      expect(shownFirst).toContain('Reason: Pricing under legal review');
      expect(shownFirst).not.toMatch(/EVIL|666/);
      expect(await view.widget.locator('body').innerText()).toBe(shownFirst);
      const callsAfter = await harnessCalls(page);
      expect(callsAfter).toEqual(callsFirst);
      expect(callsAfter.map((call) => call.path).join('\n')).not.toMatch(/EVIL|666/);
      expect(callsAfter.every((call) => call.status === 200 || call.status === 204)).toBe(true);
    } finally {
      await foreign.close();
    }
  });
}

describe('messages from frames other than the CRM page', () => {
  // The CRM page's policy admits only the widget's frame; another extension's frame is admitted here on purpose.
  describe('with the SDK stand-in, which checks the sender itself', () => {
    journey(useBrowserSuite({ context: { bypassCSP: true } }), { sdkTrustsEverySender: false });
  });

  describe('with an SDK that trusts every sender, as Zoho’s file does', () => {
    journey(useBrowserSuite({ context: { bypassCSP: true } }), { sdkTrustsEverySender: true });
  });

  describe.runIf(zohoSdkFile !== undefined)('with Zoho’s own SDK file (ZOHO_SDK_FILE)', () => {
    journey(useBrowserSuite({ context: { bypassCSP: true }, server: { sdkFile: zohoSdkFile } }), { sdkTrustsEverySender: false });
  });
});
