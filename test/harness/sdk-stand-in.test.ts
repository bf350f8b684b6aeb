import { describe, expect, it, vi } from 'vitest';
import { createZohoSdk, type ZohoSdk } from '../../server/sdk/create-sdk';
import { CRM_ORIGIN, NOW, WIDGET_HREF, fakeSdkFrame, registerWithCrm, settle } from './fake-sdk-frame';

const APP_ORIGIN = encodeURIComponent(WIDGET_HREF);

function setup() {
  const frame = fakeSdkFrame();
  const sdk = createZohoSdk(frame.env);
  return { frame, sdk };
}

async function pendingOrValue(promise: Promise<unknown>): Promise<unknown> {
  await settle();
  return Promise.race([promise, Promise.resolve('still pending')]);
}

describe('SDK stand-in start-up', () => {
  it('posts nothing before init() and REGISTER with the encoded frame URL to the service origin after it', () => {
    const { frame, sdk } = setup();
    expect(frame.posted).toEqual([]);

    void sdk.embeddedApp.init();

    expect(frame.posted).toEqual([
      { message: { type: 'SDK.EVENT', eventName: 'REGISTER', appOrigin: APP_ORIGIN }, targetOrigin: CRM_ORIGIN },
    ]);
  });

  it('asks for the ZDK helper URL after SET_CONTEXT, loads that script and then resolves init()', async () => {
    const { frame, sdk } = setup();
    const init = sdk.embeddedApp.init();
    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { uniqueID: 'u-7', connectors: {}, locale: 'en_US' } });

    expect(frame.lastPosted()).toEqual({
      type: 'SDK.EVENT',
      eventName: 'ZDK_EVENT',
      uniqueID: 'u-7',
      time: NOW,
      promiseid: 'Promise100',
      data: { action: 'get_zdk_url' },
      appOrigin: APP_ORIGIN,
    });
    expect(await pendingOrValue(init)).toBe('still pending');

    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise100', data: 'http://localhost:5000/sdk/zdk.js' });
    await init;
    expect(frame.loadedScripts).toEqual(['http://localhost:5000/sdk/zdk.js']);
  });

  it('still resolves init() when the page refuses the ZDK helper, reporting it in the console', async () => {
    const { frame, sdk } = setup();
    const init = sdk.embeddedApp.init();
    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { uniqueID: 'u-7' } });
    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE_FAILURE', promiseid: 'Promise100', data: { code: 'NOT_SUPPORTED' } });

    await init;
    expect(frame.loadedScripts).toEqual([]);
    expect(frame.console.error).toHaveBeenCalledWith('ZDK import failed', { code: 'NOT_SUPPORTED' });
  });

  it('returns the same promise from a second init() and registers once', () => {
    const { frame, sdk } = setup();
    const first = sdk.embeddedApp.init();
    expect(sdk.embeddedApp.init()).toBe(first);
    expect(frame.posted.filter((p) => p.message.eventName === 'REGISTER')).toHaveLength(1);
  });

  it('never registers when the frame URL carries no serviceOrigin, and says why', async () => {
    const frame = fakeSdkFrame('http://localhost:5000/app/widget.html');
    const sdk = createZohoSdk(frame.env);
    const init = sdk.embeddedApp.init();
    expect(frame.posted).toEqual([]);
    expect(frame.console.warn).toHaveBeenCalledOnce();
    expect(await pendingOrValue(init)).toBe('still pending');
  });

  it.each([
    ['a trailing slash', `${CRM_ORIGIN}/`],
    ['a path and query', `${CRM_ORIGIN}/crm/org123/tab/Deals/42?x=1`],
    ['an upper-case host', CRM_ORIGIN.replace('http://', 'HTTP://')],
  ])('registers with the page when serviceOrigin carries %s, as the widget’s sender guard reads it', async (_case, announced) => {
    const frame = fakeSdkFrame(`http://localhost:5000/app/widget.html?serviceOrigin=${encodeURIComponent(announced)}`);
    const sdk = createZohoSdk(frame.env);
    const init = sdk.embeddedApp.init();
    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { uniqueID: 'u-1' } });
    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise100', data: 'http://localhost:5000/sdk/zdk.js' });

    expect(await pendingOrValue(init)).toBeUndefined();
    expect(frame.posted.map((p) => [p.message.eventName, p.targetOrigin])).toEqual([
      ['REGISTER', CRM_ORIGIN],
      ['ZDK_EVENT', CRM_ORIGIN],
    ]);
  });

  it.each([
    ['not a URL', 'not a url'],
    ['an opaque origin', 'data:text/html,crm'],
  ])('treats a serviceOrigin that is %s as no CRM page', async (_case, announced) => {
    const frame = fakeSdkFrame(`http://localhost:5000/app/widget.html?serviceOrigin=${encodeURIComponent(announced)}`);
    const sdk = createZohoSdk(frame.env);
    const init = sdk.embeddedApp.init();
    expect(frame.posted).toEqual([]);
    expect(frame.console.warn).toHaveBeenCalledOnce();
    expect(await pendingOrValue(init)).toBe('still pending');
  });

  it('posts DEREGISTER with its uniqueID when the frame unloads', async () => {
    const { frame, sdk } = setup();
    await registerWithCrm(frame, () => sdk.embeddedApp.init(), 'u-9');
    frame.unload();
    expect(frame.lastPosted()).toEqual({ type: 'SDK.EVENT', eventName: 'DEREGISTER', uniqueID: 'u-9', appOrigin: APP_ORIGIN });
  });
});

describe('SDK stand-in events', () => {
  it('hands PageLoad data unchanged to the handler registered before init()', async () => {
    const { frame, sdk } = setup();
    const onPageLoad = vi.fn();
    sdk.embeddedApp.on('PageLoad', onPageLoad);
    await registerWithCrm(frame, () => sdk.embeddedApp.init());

    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'Deals', EntityId: '3000000032096' } });

    expect(onPageLoad).toHaveBeenCalledExactlyOnceWith({ Entity: 'Deals', EntityId: '3000000032096' });
  });

  it('never calls a handler registered after init(), as Zoho’s SDK does', async () => {
    const { frame, sdk } = setup();
    await registerWithCrm(frame, () => sdk.embeddedApp.init());
    const late = vi.fn();
    sdk.embeddedApp.on('PageLoad', late);

    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'Deals', EntityId: '1' } });

    expect(late).not.toHaveBeenCalled();
    expect(frame.console.warn).toHaveBeenCalledOnce();
  });

  it('accepts messages the page sends as JSON strings', async () => {
    const { frame, sdk } = setup();
    const onPageLoad = vi.fn();
    sdk.embeddedApp.on('PageLoad', onPageLoad);
    await registerWithCrm(frame, () => sdk.embeddedApp.init());

    frame.fromCrm(JSON.stringify({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'Leads', EntityId: '5' } }));

    expect(onPageLoad).toHaveBeenCalledWith({ Entity: 'Leads', EntityId: '5' });
  });
});

describe('SDK stand-in requests', () => {
  const wireForms: [string, (sdk: ZohoSdk) => Promise<unknown>, Record<string, unknown>][] = [
    ['CONFIG.getCurrentUser', (sdk) => sdk.CRM.CONFIG.getCurrentUser(), { category: 'CONFIG', type: 'CURRENT_USER', sdkVersion: '1' }],
    ['CONFIG.GetCurrentEnvironment', (sdk) => sdk.CRM.CONFIG.GetCurrentEnvironment(), { category: 'CONFIG', type: 'ORG_LEVEL_INFO', sdkVersion: '1' }],
    ['CONFIG.getOrgInfo', (sdk) => sdk.CRM.CONFIG.getOrgInfo(), { category: 'CONFIG', type: 'ORG', sdkVersion: '1' }],
    // ⚠ The type is this product's reading of SDK 1.4 (no published 1.4 file was found): see protocol.ts.
    ['CONFIG.getUserPreference', (sdk) => sdk.CRM.CONFIG.getUserPreference(), { category: 'CONFIG', type: 'USER_PREFERENCE', sdkVersion: '1' }],
    ['UI.Popup.close', (sdk) => sdk.CRM.UI.Popup.close(), { category: 'UI', action: { popup: 'CLOSE' }, sdkVersion: '1' }],
    ['UI.Popup.closeReload', (sdk) => sdk.CRM.UI.Popup.closeReload(), { category: 'UI', action: { popup: 'CLOSE_RELOAD' }, sdkVersion: '1' }],
    [
      'CONNECTION.invoke',
      (sdk) =>
        sdk.CRM.CONNECTION.invoke('recordlock', {
          url: 'https://www.zohoapis.com/crm/v8/Deals/1/Locking_Information__s',
          method: 'POST',
          param_type: 2,
          parameters: { data: [{ Locked_Reason__s: 'audit' }] },
          headers: { 'Content-Type': 'application/json' },
          ...{ body: 'dropped', Trigger: ['workflow'] },
        }),
      {
        category: 'CRM_CONNECTION',
        connectionName: 'recordlock',
        data: {
          data: {
            url: 'https://www.zohoapis.com/crm/v8/Deals/1/Locking_Information__s',
            method: 'POST',
            param_type: 2,
            parameters: '{"data":[{"Locked_Reason__s":"audit"}]}',
            headers: '{"Content-Type":"application/json"}',
          },
        },
        sdkVersion: '1',
      },
    ],
    ['UI.Resize', (sdk) => sdk.CRM.UI.Resize({ height: 333, width: 300 }), { category: 'UI', action: 'RESIZE', data: { width: 300, height: 333 }, sdkVersion: '1' }],
    [
      'UI.Record.open',
      (sdk) => sdk.CRM.UI.Record.open({ Entity: 'Deals', RecordID: '42', Target: '_blank' }),
      { category: 'UI', action: { record: 'OPEN' }, data: { Entity: 'Deals', RecordID: '42', target: '_blank' }, sdkVersion: '1' },
    ],
    [
      'API.getRecord',
      (sdk) => sdk.CRM.API.getRecord({ Entity: 'Deals', RecordID: '42' }),
      { category: 'READ', APIData: { Entity: 'Deals', RecordID: '42' }, sdkVersion: '1' },
    ],
  ];

  it.each(wireForms)('sends %s as the CRM_EVENT Zoho’s SDK sends', async (_name, call, data) => {
    const { frame, sdk } = setup();
    await registerWithCrm(frame, () => sdk.embeddedApp.init(), 'u-3');

    void call(sdk);

    expect(frame.posted.at(-1)).toEqual({
      message: { type: 'SDK.EVENT', eventName: 'CRM_EVENT', uniqueID: 'u-3', time: NOW, promiseid: 'Promise101', data, appOrigin: APP_ORIGIN },
      targetOrigin: CRM_ORIGIN,
    });
  });

  it('counts promise ids up from the last one', async () => {
    const { frame, sdk } = setup();
    await registerWithCrm(frame, () => sdk.embeddedApp.init());
    void sdk.CRM.CONFIG.getCurrentUser();
    void sdk.CRM.CONFIG.getOrgInfo();
    expect(frame.posted.slice(-2).map((p) => p.message.promiseid)).toEqual(['Promise101', 'Promise102']);
  });

  it('resolves with exactly the data of EVENT_RESPONSE', async () => {
    const { frame, sdk } = setup();
    await registerWithCrm(frame, () => sdk.embeddedApp.init());
    const user = sdk.CRM.CONFIG.getCurrentUser();

    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data: { users: [{ id: '1', email: 'rep@example.com' }] } });

    await expect(user).resolves.toEqual({ users: [{ id: '1', email: 'rep@example.com' }] });
  });

  it('rejects with exactly the data of EVENT_RESPONSE_FAILURE', async () => {
    const { frame, sdk } = setup();
    await registerWithCrm(frame, () => sdk.embeddedApp.init());
    const call = sdk.CRM.CONNECTION.invoke('nope', { url: 'https://www.zohoapis.com/crm/v8/Deals' });

    frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE_FAILURE', promiseid: 'Promise101', data: { code: 'INVALID_CONNECTION', message: 'no such connection' } });

    await expect(call).rejects.toEqual({ code: 'INVALID_CONNECTION', message: 'no such connection' });
  });

  it('refuses calls before init() has registered with the page', () => {
    const { sdk } = setup();
    expect(() => sdk.CRM.CONFIG.getCurrentUser()).toThrow(/init/);
  });
});

describe('SDK stand-in sender check', () => {
  const otherFrame = { postMessage: () => undefined };

  it.each([
    ['another origin through the parent window', 'http://evil.example', 'parent'],
    ['another window at the service origin', CRM_ORIGIN, 'other'],
  ] as const)('ignores a PageLoad from %s', async (_case, origin, sourceKind) => {
    const { frame, sdk } = setup();
    const onPageLoad = vi.fn();
    sdk.embeddedApp.on('PageLoad', onPageLoad);
    await registerWithCrm(frame, () => sdk.embeddedApp.init());

    const source = sourceKind === 'parent' ? frame.env.parent : otherFrame;
    frame.fromElsewhere({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'EVIL', EntityId: '666' } }, origin, source);

    expect(onPageLoad).not.toHaveBeenCalled();
  });

  it('ignores an EVENT_RESPONSE with a guessed promise id from another frame', async () => {
    const { frame, sdk } = setup();
    await registerWithCrm(frame, () => sdk.embeddedApp.init());
    const user = sdk.CRM.CONFIG.getCurrentUser();

    frame.fromElsewhere({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data: { users: [] } }, 'http://evil.example', otherFrame);

    expect(await pendingOrValue(user)).toBe('still pending');
  });

  it('does not register on a SET_CONTEXT from another origin', async () => {
    const { frame, sdk } = setup();
    void sdk.embeddedApp.init();

    frame.fromElsewhere({ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { uniqueID: 'x' } }, 'http://evil.example', otherFrame);

    expect(frame.posted.map((p) => p.message.eventName)).toEqual(['REGISTER']);
  });
});
