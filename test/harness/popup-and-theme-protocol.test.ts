import { describe, expect, it, vi } from 'vitest';
import type { PageConfig } from '../../server/harness/page-config';
import { listViewPageLoad } from '../../server/harness/page/list-selection';
import { createPageServices } from '../../server/harness/page/page-services';
import { createWidgetParent } from '../../server/harness/widget-parent';
import { createZohoSdk } from '../../server/sdk/create-sdk';
import { fakeSdkFrame, settle } from './fake-sdk-frame';

const WIDGET_ORIGIN = 'http://localhost:5000';
const LIST_HREF = `${WIDGET_ORIGIN}/app/list.html?serviceOrigin=${encodeURIComponent('http://127.0.0.1:5000')}`;

const config: PageConfig = {
  page: 'list',
  user: 'manager@example.com',
  module: 'Deals',
  recordId: null,
  deployment: 'US',
  locale: 'en_GB',
  theme: 'day',
  widgetOrigin: WIDGET_ORIGIN,
  widgetUrl: LIST_HREF,
  zdkScriptUrl: `${WIDGET_ORIGIN}/sdk/zdk.js`,
  latencyMs: null,
  variant: null,
  currentUser: { users: [] },
  environment: { deployment: 'US' },
  org: { org: [] },
};

/**
 * The SDK stand-in in a list button's popup frame, wired to the harness page's real parent and
 * services: every message crosses as the protocol's own, nothing is answered by hand.
 */
function popupUnderTest(options: { theme?: PageConfig['theme']; closePopup?: (reload: boolean) => boolean; pageLoad: Record<string, unknown> }) {
  const frame = fakeSdkFrame(LIST_HREF);
  const sdk = createZohoSdk(frame.env);
  const frameWindow = { name: 'popup frame' };
  const services = createPageServices({
    config: { ...config, theme: options.theme ?? 'day' },
    fetch: vi.fn(),
    resizeFrame: () => undefined,
    takeFault: () => null,
    logCall: () => undefined,
    navigate: () => undefined,
    ...(options.closePopup ? { closePopup: options.closePopup } : {}),
  });
  const parent = createWidgetParent({
    frame: { window: () => frameWindow, origin: WIDGET_ORIGIN },
    post: (message) => frame.fromCrm(message),
    context: { connectors: {}, locale: 'en_GB' },
    pageLoad: options.pageLoad,
    services,
    newUniqueId: () => 'popup-1',
  });
  let delivered = 0;
  /** Carries what the SDK posted to the page, and the page's answers back, until both are quiet. */
  const exchange = async () => {
    for (let round = 0; round < 6; round += 1) {
      while (delivered < frame.posted.length) {
        const { message } = frame.posted[delivered++] ?? { message: {} };
        await parent.handleMessage({ data: message, origin: WIDGET_ORIGIN, source: frameWindow });
      }
      await settle();
    }
  };
  const onPageLoad = vi.fn();
  sdk.embeddedApp.on('PageLoad', onPageLoad);
  const start = async () => {
    const init = sdk.embeddedApp.init();
    await exchange();
    await init;
  };
  return { sdk, onPageLoad, exchange, start };
}

describe('a list button’s popup and the page, over the SDK’s protocol', () => {
  it('hands the widget the selection exactly as Zoho’s list-view PageLoad', async () => {
    const popup = popupUnderTest({ pageLoad: listViewPageLoad('Deals', ['5843104000000410001', '5843104000000410002']) });
    await popup.start();
    expect(popup.onPageLoad).toHaveBeenCalledExactlyOnceWith({
      Entity: 'Deals',
      EntityId: ['5843104000000410001', '5843104000000410002'],
      ButtonPosition: 'ListView',
    });
  });

  it.each(['day', 'night'] as const)('resolves getUserPreference() with {mode: "%s"} in the %s theme', async (theme) => {
    const popup = popupUnderTest({ theme, pageLoad: listViewPageLoad('Deals', []) });
    await popup.start();
    const preference = popup.sdk.CRM.CONFIG.getUserPreference();
    await popup.exchange();
    await expect(preference).resolves.toEqual({ mode: theme });
  });

  it.each([
    ['close', false],
    ['closeReload', true],
  ] as const)('closes the popup for Popup.%s() (reload: %s), resolving true', async (call, reload) => {
    const closePopup = vi.fn((_reload: boolean) => true);
    const popup = popupUnderTest({ closePopup, pageLoad: listViewPageLoad('Deals', ['1']) });
    await popup.start();
    const closed = popup.sdk.CRM.UI.Popup[call]();
    await popup.exchange();
    await expect(closed).resolves.toBe(true);
    expect(closePopup).toHaveBeenCalledExactlyOnceWith(reload);
  });

  it('resolves Popup.close() with false where the widget is in no popup', async () => {
    const popup = popupUnderTest({ pageLoad: { Entity: 'Deals', EntityId: '1' } });
    await popup.start();
    const closed = popup.sdk.CRM.UI.Popup.close();
    await popup.exchange();
    await expect(closed).resolves.toBe(false);
  });
});
