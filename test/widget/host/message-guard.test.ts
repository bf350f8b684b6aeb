// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installMessageGuard, serviceOriginOf } from '../../../widget/host/message-guard';

const crmOrigin = 'https://crm.zoho.eu';

/** Sends a message to the widget's window as if `source` at `origin` had posted it. */
function deliver(source: Window, origin: string, data: unknown = { type: 'FRAMEWORK.EVENT', eventName: 'PageLoad' }) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

describe('installMessageGuard', () => {
  let foreignFrame: HTMLIFrameElement;
  let uninstall = () => {};

  beforeEach(() => {
    window.history.replaceState(null, '', `/app/widget.html?serviceOrigin=${encodeURIComponent(crmOrigin)}&isDevMode=false`);
    foreignFrame = document.createElement('iframe');
    document.body.append(foreignFrame);
  });

  afterEach(() => {
    uninstall();
    foreignFrame.remove();
    window.history.replaceState(null, '', '/');
  });

  /** Guard first, then a listener standing for the SDK's, as zoho.ts installs them. */
  function guardThenSdkListener() {
    uninstall = installMessageGuard(window);
    const sdkListener = vi.fn();
    window.addEventListener('message', sdkListener);
    return sdkListener;
  }

  it('lets the parent window at the service origin through', () => {
    const sdkListener = guardThenSdkListener();
    deliver(window.parent, crmOrigin);
    expect(sdkListener).toHaveBeenCalledTimes(1);
  });

  it('drops a message from another window, even at the service origin', () => {
    const sdkListener = guardThenSdkListener();
    deliver(foreignFrame.contentWindow!, crmOrigin);
    expect(sdkListener).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example', 'https://crm.zoho.com', 'http://crm.zoho.eu', 'null'])(
    'drops a message from the parent window at origin %s',
    (origin) => {
      const sdkListener = guardThenSdkListener();
      deliver(window.parent, origin);
      expect(sdkListener).not.toHaveBeenCalled();
    },
  );

  it('drops every message when the URL names no service origin', () => {
    window.history.replaceState(null, '', '/app/widget.html');
    const sdkListener = guardThenSdkListener();
    deliver(window.parent, crmOrigin);
    expect(sdkListener).not.toHaveBeenCalled();
  });

  it('stops a foreign message before listeners that were added earlier', () => {
    const earlier = vi.fn();
    window.addEventListener('message', earlier);
    const later = guardThenSdkListener();
    deliver(foreignFrame.contentWindow!, crmOrigin);
    // Capture listeners on the window run before its bubble listeners, whatever the order added.
    expect(earlier).not.toHaveBeenCalled();
    expect(later).not.toHaveBeenCalled();
    window.removeEventListener('message', earlier);
  });

  it('lets everything through again once uninstalled', () => {
    const sdkListener = guardThenSdkListener();
    uninstall();
    deliver(foreignFrame.contentWindow!, 'https://evil.example');
    expect(sdkListener).toHaveBeenCalledTimes(1);
  });
});

describe('serviceOriginOf', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it.each([
    [`?serviceOrigin=${encodeURIComponent('https://crm.zoho.com')}`, 'https://crm.zoho.com'],
    [`?serviceOrigin=${encodeURIComponent('https://crm.zoho.com/crm/org1/')}`, 'https://crm.zoho.com'],
    ['?serviceOrigin=not%20a%20url', null],
    ['?other=1', null],
  ])('reads %s as %s', (search, expected) => {
    window.history.replaceState(null, '', `/app/widget.html${search}`);
    expect(serviceOriginOf(window)).toBe(expected);
  });
});
