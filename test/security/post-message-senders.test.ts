import { describe, expect, it, vi } from 'vitest';
import { createParentUnderTest, WIDGET_ORIGIN } from '../support/widget-parent-under-test';
import { createSdkChannel } from '../../server/sdk/sdk-channel';
import type { IncomingMessage, SdkEnvironment } from '../../server/sdk/sdk-environment';

const CRM_ORIGIN = 'http://127.0.0.1:5000';
const WIDGET_HREF = `${WIDGET_ORIGIN}/app/widget.html?serviceOrigin=${encodeURIComponent(CRM_ORIGIN)}`;
const APP_ORIGIN = encodeURIComponent(WIDGET_HREF);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Senders that are not the expected one: a foreign frame, the right frame at a foreign origin, … */
const strangers = (rightWindow: object, rightOrigin: string) =>
  [
    ['another frame at the right origin', { name: 'other frame' }, rightOrigin],
    ['the right frame at another origin', rightWindow, 'https://evil.example'],
    ['the right frame at an opaque origin', rightWindow, 'null'],
    ['no window at the right origin', null, rightOrigin],
    ['the right frame at a look-alike origin', rightWindow, `${rightOrigin}.evil.example`],
  ] as const;

describe('the harness page (parent side of the SDK protocol)', () => {
  const frameWindow = { name: 'widget frame' };

  const setup = () => createParentUnderTest({ frameWindow });
  const register = { type: 'SDK.EVENT', eventName: 'REGISTER', appOrigin: APP_ORIGIN };
  const invoke = {
    type: 'SDK.EVENT',
    eventName: 'CRM_EVENT',
    uniqueID: 'u-1',
    time: 1,
    promiseid: 'Promise101',
    appOrigin: APP_ORIGIN,
    data: {
      category: 'CRM_CONNECTION',
      connectionName: 'recordlock_user',
      data: { data: { url: 'https://www.zohoapis.com/crm/v8/Deals/42/Locking_Information__s', method: 'DELETE' } },
    },
  };

  it.each(strangers(frameWindow, WIDGET_ORIGIN))('does not register a widget for %s', async (_, source, origin) => {
    const { parent, posted } = setup();
    await parent.handleMessage({ data: register, origin, source });
    expect(posted).toEqual([]);
  });

  it.each(strangers(frameWindow, WIDGET_ORIGIN))(
    'does not run a connection call sent by %s, even with the registered uniqueID',
    async (_, source, origin) => {
      const { parent, posted, services } = setup();
      await parent.handleMessage({ data: register, origin: WIDGET_ORIGIN, source: frameWindow });
      await parent.handleMessage({ data: invoke, origin, source });
      expect(services.invokeConnection).not.toHaveBeenCalled();
      expect(posted.map((m) => m['eventName'])).toEqual(['SET_CONTEXT']);
    },
  );

  it('runs the same call from the widget frame at its origin (the refusals above are about the sender)', async () => {
    const { parent, services } = setup();
    await parent.handleMessage({ data: register, origin: WIDGET_ORIGIN, source: frameWindow });
    await parent.handleMessage({ data: invoke, origin: WIDGET_ORIGIN, source: frameWindow });
    expect(services.invokeConnection).toHaveBeenCalledOnce();
  });

  it('ignores a call from the widget frame that carries a guessed uniqueID', async () => {
    const { parent, services } = setup();
    await parent.handleMessage({ data: register, origin: WIDGET_ORIGIN, source: frameWindow });
    await parent.handleMessage({ data: { ...invoke, uniqueID: 'u-2' }, origin: WIDGET_ORIGIN, source: frameWindow });
    expect(services.invokeConnection).not.toHaveBeenCalled();
  });
});

describe('the SDK stand-in (widget side of the SDK protocol)', () => {
  const parentWindow = { name: 'crm page', postMessage: vi.fn() };

  const setup = () => {
    const posted: Record<string, unknown>[] = [];
    let deliver: (message: IncomingMessage) => void = () => undefined;
    const parent = { postMessage: (message: unknown) => void posted.push(message as Record<string, unknown>) };
    const env: SdkEnvironment = {
      href: WIDGET_HREF,
      parent,
      onMessage: (listener) => void (deliver = listener),
      onUnload: () => undefined,
      loadScript: async () => undefined,
      now: () => 1,
      console: { error: vi.fn(), warn: vi.fn() },
    };
    const onEvent = vi.fn();
    const channel = createSdkChannel(env, onEvent);
    const registered = channel.register();
    return { channel, posted, onEvent, registered, parent, deliver: (m: IncomingMessage) => deliver(m) };
  };
  const setContext = { type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { uniqueID: 'u-1' } };

  it.each(strangers(parentWindow, CRM_ORIGIN))('does not take SET_CONTEXT from %s', (_, source, origin) => {
    const { posted, parent, deliver } = setup();
    deliver({ data: setContext, origin, source: source === parentWindow ? parent : source });
    expect(posted.map((m) => m['eventName'])).toEqual(['REGISTER']);
  });

  it.each(strangers(parentWindow, CRM_ORIGIN))('takes neither answers nor PageLoad from %s', async (_, source, origin) => {
    const { channel, parent, deliver, onEvent } = setup();
    deliver({ data: setContext, origin: CRM_ORIGIN, source: parent });
    const pending = channel.request('CRM_EVENT', { category: 'CONFIG', type: 'CURRENT_USER' });
    const sender = source === parentWindow ? parent : source;
    let settled = false;
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    deliver({ data: { type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data: { forged: true } }, origin, source: sender });
    deliver({ data: { type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'Deals', EntityId: '666' } }, origin, source: sender });
    await flush();
    expect(settled).toBe(false);
    expect(onEvent).not.toHaveBeenCalled();

    deliver({ data: { type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data: { real: true } }, origin: CRM_ORIGIN, source: parent });
    await expect(pending).resolves.toEqual({ real: true });
  });

  it('posts only to the CRM page’s origin, never to "*"', () => {
    const targets: string[] = [];
    const env: SdkEnvironment = {
      href: WIDGET_HREF,
      parent: { postMessage: (_message, targetOrigin) => void targets.push(targetOrigin) },
      onMessage: () => undefined,
      onUnload: () => undefined,
      loadScript: async () => undefined,
      now: () => 1,
      console: { error: vi.fn(), warn: vi.fn() },
    };
    void createSdkChannel(env, vi.fn()).register();
    expect(targets).toEqual([CRM_ORIGIN]);
  });
});
