import { describe, expect, it } from 'vitest';
import type { WidgetServices } from '../../server/harness/widget-parent';
import { createParentUnderTest, WIDGET_ORIGIN, ZDK_URL } from '../support/widget-parent-under-test';

const APP_ORIGIN = encodeURIComponent(`${WIDGET_ORIGIN}/app/widget.html?serviceOrigin=http%3A%2F%2F127.0.0.1%3A5000`);

function setup(overrides: Partial<WidgetServices> = {}, pageLoad?: Record<string, unknown>) {
  const { parent, posted, services, frameWindow } = createParentUnderTest({ services: overrides, ...(pageLoad ? { pageLoad } : {}) });
  const fromWidget = (data: unknown) => parent.handleMessage({ data, origin: WIDGET_ORIGIN, source: frameWindow });
  const request = (promiseid: string, data: Record<string, unknown>) =>
    fromWidget({ type: 'SDK.EVENT', eventName: 'CRM_EVENT', uniqueID: 'u-1', time: 1, promiseid, data, appOrigin: APP_ORIGIN });
  const register = async () => {
    await fromWidget({ type: 'SDK.EVENT', eventName: 'REGISTER', appOrigin: APP_ORIGIN });
    await fromWidget({ type: 'SDK.EVENT', eventName: 'ZDK_EVENT', uniqueID: 'u-1', time: 1, promiseid: 'Promise100', data: { action: 'get_zdk_url' }, appOrigin: APP_ORIGIN });
  };
  return { parent, posted, services, frameWindow, fromWidget, request, register };
}

describe('harness parent side: registration', () => {
  it('answers REGISTER with SET_CONTEXT carrying a uniqueID, connectors and locale', async () => {
    const { posted, fromWidget } = setup();
    await fromWidget({ type: 'SDK.EVENT', eventName: 'REGISTER', appOrigin: APP_ORIGIN });
    expect(posted).toEqual([{ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { connectors: {}, locale: 'en_US', uniqueID: 'u-1' } }]);
  });

  it('hands out the ZDK helper URL and then sends PageLoad with the record id as a string', async () => {
    const { posted, register } = setup();
    await register();
    expect(posted.slice(1)).toEqual([
      { type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise100', data: ZDK_URL },
      { type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'Deals', EntityId: '42' } },
    ]);
  });

  it('sends a list-view button’s widget the selection as PageLoad, ids as an array', async () => {
    const { posted, register } = setup({}, { Entity: 'Deals', EntityId: ['1', '2'], ButtonPosition: 'ListView' });
    await register();
    expect(posted.at(-1)).toEqual({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'Deals', EntityId: ['1', '2'], ButtonPosition: 'ListView' } });
  });

  it('sends a web tab an entity-less PageLoad', async () => {
    const { posted, register } = setup({}, {});
    await register();
    expect(posted.at(-1)).toEqual({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: {} });
  });

  it('sends an SDK without the ZDK helper step PageLoad with its first request, once', async () => {
    const { posted, fromWidget, request } = setup();
    await fromWidget({ type: 'SDK.EVENT', eventName: 'REGISTER', appOrigin: APP_ORIGIN });
    await request('Promise100', { category: 'CONFIG', type: 'CURRENT_USER', sdkVersion: '1' });
    await request('Promise101', { category: 'CONFIG', type: 'ORG_LEVEL_INFO', sdkVersion: '1' });
    expect(posted.map((m) => m.eventName)).toEqual(['SET_CONTEXT', 'PageLoad', 'EVENT_RESPONSE', 'EVENT_RESPONSE']);
    expect(posted[1]).toEqual({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'Deals', EntityId: '42' } });
  });

  it('sends PageLoad once after the ZDK helper, not again with the requests that follow', async () => {
    const { posted, register, request } = setup();
    await register();
    await request('Promise101', { category: 'CONFIG', type: 'CURRENT_USER', sdkVersion: '1' });
    expect(posted.filter((m) => m.eventName === 'PageLoad')).toHaveLength(1);
  });

  it('accepts the SDK’s messages sent as JSON strings', async () => {
    const { posted, fromWidget } = setup();
    await fromWidget(JSON.stringify({ type: 'SDK.EVENT', eventName: 'REGISTER', appOrigin: APP_ORIGIN }));
    expect(posted.map((m) => m.eventName)).toEqual(['SET_CONTEXT']);
  });
});

describe('harness parent side: requests', () => {
  it.each([
    ['CURRENT_USER', { users: [{ id: '7', email: 'rep@example.com' }] }],
    ['ORG_LEVEL_INFO', { deployment: 'US', ZGID: '1', ZUID: '7', appDetails: { appUrl: 'x' } }],
    ['ORG', { org: [{ id: '1' }] }],
  ])('answers CONFIG %s with EVENT_RESPONSE', async (type, data) => {
    const { posted, register, request } = setup();
    await register();
    await request('Promise101', { category: 'CONFIG', type, sdkVersion: '1' });
    expect(posted.at(-1)).toEqual({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data });
  });

  it('answers SDK 1.4’s getUserPreference with the user’s theme', async () => {
    const { posted, services, register, request } = setup();
    await register();
    await request('Promise101', { category: 'CONFIG', type: 'USER_PREFERENCE', sdkVersion: '1' });
    expect(services.userPreference).toHaveBeenCalledOnce();
    expect(posted.at(-1)).toEqual({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data: { mode: 'night' } });
  });

  it.each([
    ['CLOSE', false],
    ['CLOSE_RELOAD', true],
  ])('closes the popup for UI popup %s (reload: %s) and answers with the page’s result', async (popup, reload) => {
    const { posted, services, register, request } = setup();
    await register();
    await request('Promise101', { category: 'UI', action: { popup }, sdkVersion: '1' });
    expect(services.closePopup).toHaveBeenCalledExactlyOnceWith(reload);
    expect(posted.at(-1)).toEqual({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data: true });
  });

  it.each([
    [{ width: 300, height: 333 }, { height: 333, width: 300 }],
    [{ height: '480px', width: '100%' }, { height: 480, width: null }],
  ])('resizes the frame for UI RESIZE %j and answers true', async (size, expected) => {
    const { posted, services, register, request } = setup();
    await register();
    await request('Promise101', { category: 'UI', action: 'RESIZE', data: size, sdkVersion: '1' });
    expect(services.resize).toHaveBeenCalledWith(expected);
    expect(posted.at(-1)).toEqual({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data: true });
  });

  it('passes a CRM_CONNECTION request on with its wire fields and answers with the result', async () => {
    const { posted, services, register, request } = setup();
    await register();
    const wire = { url: 'https://www.zohoapis.com/crm/v8/Deals/42/Locking_Information__s', method: 'POST', param_type: 2, parameters: '{"data":[]}', headers: '{}' };
    await request('Promise101', { category: 'CRM_CONNECTION', connectionName: 'recordlock_user', data: { data: wire }, sdkVersion: '1' });
    expect(services.invokeConnection).toHaveBeenCalledWith('recordlock_user', wire);
    expect(posted.at(-1)).toEqual({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data: { code: 'SUCCESS' } });
  });

  it('answers a failed connection with EVENT_RESPONSE_FAILURE', async () => {
    const { posted, register, request } = setup({
      invokeConnection: async () => ({ outcome: 'failure', data: { code: 'INVALID_CONNECTION', message: 'unknown' } }),
    });
    await register();
    await request('Promise101', { category: 'CRM_CONNECTION', connectionName: 'nope', data: { data: { url: 'https://www.zohoapis.com/crm/v8/Deals' } }, sdkVersion: '1' });
    expect(posted.at(-1)).toEqual({
      type: 'FRAMEWORK.EVENT',
      eventName: 'EVENT_RESPONSE_FAILURE',
      promiseid: 'Promise101',
      data: { code: 'INVALID_CONNECTION', message: 'unknown' },
    });
  });

  it('answers nothing when the service stays silent, as a lost reply would', async () => {
    const { posted, register, request } = setup({ invokeConnection: async () => ({ outcome: 'silence' }) });
    await register();
    const before = posted.length;
    await request('Promise101', { category: 'CRM_CONNECTION', connectionName: 'recordlock_user', data: { data: { url: 'https://www.zohoapis.com/crm/v8/Deals' } } });
    expect(posted).toHaveLength(before);
  });

  it('reads a record for API.getRecord', async () => {
    const { posted, services, register, request } = setup();
    await register();
    await request('Promise101', { category: 'READ', APIData: { Entity: 'Deals', RecordID: '42' }, sdkVersion: '1' });
    expect(services.getRecord).toHaveBeenCalledWith('Deals', '42');
    expect(posted.at(-1)?.data).toEqual({ data: [{ id: '42' }] });
  });

  it.each([
    ['in this window', { Entity: 'Deals', RecordID: '5843104000000410005' }, null],
    ['in a new tab', { Entity: 'Deals', RecordID: 5843104000000410005, target: '_blank' }, '_blank'],
  ])('opens a record for UI.Record.open %s and answers true', async (_how, data, target) => {
    const { posted, services, register, request } = setup();
    await register();
    await request('Promise101', { category: 'UI', action: { record: 'OPEN' }, data, sdkVersion: '1' });
    expect(services.openRecord).toHaveBeenCalledWith({ entity: 'Deals', recordId: String(data.RecordID), target });
    expect(posted.at(-1)).toEqual({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: 'Promise101', data: true });
  });

  it.each([
    [{ category: 'UI', action: { record: 'EDIT' }, data: { Entity: 'Deals', RecordID: '1' } }],
    [{ category: 'UI', action: { popup: 'SHOW_MSG' }, data: { message: 'hi' } }],
    [{ category: 'META', type: 'FIELD_LIST' }],
    [{ category: 'CONFIG', type: 'SOMETHING_ELSE' }],
  ])('refuses what the local page does not offer (%j) with EVENT_RESPONSE_FAILURE', async (data) => {
    const { posted, register, request } = setup();
    await register();
    await request('Promise101', { ...data, sdkVersion: '1' });
    expect(posted.at(-1)).toMatchObject({ eventName: 'EVENT_RESPONSE_FAILURE', promiseid: 'Promise101', data: { code: 'NOT_SUPPORTED' } });
  });

  it('answers EVENT_RESPONSE_FAILURE when the page cannot reach its server', async () => {
    const { posted, register, request } = setup({ currentUser: () => Promise.reject(new TypeError('fetch failed')) });
    await register();
    await request('Promise101', { category: 'CONFIG', type: 'CURRENT_USER', sdkVersion: '1' });
    expect(posted.at(-1)).toMatchObject({ eventName: 'EVENT_RESPONSE_FAILURE', data: { code: 'CONNECTION_FAILED' } });
  });
});

describe('harness parent side: sender check', () => {
  const register = { type: 'SDK.EVENT', eventName: 'REGISTER', appOrigin: APP_ORIGIN };

  it.each([
    ['another origin', 'http://evil.example', 'frame'],
    ['another window', WIDGET_ORIGIN, 'other'],
  ] as const)('ignores messages from %s', async (_case, origin, sourceKind) => {
    const { parent, posted, frameWindow } = setup();
    await parent.handleMessage({ data: register, origin, source: sourceKind === 'frame' ? frameWindow : {} });
    expect(posted).toEqual([]);
  });

  it('ignores requests before REGISTER and requests with another uniqueID', async () => {
    const { posted, fromWidget, request } = setup();
    await request('Promise101', { category: 'CONFIG', type: 'CURRENT_USER' });
    await fromWidget(register);
    await fromWidget({ type: 'SDK.EVENT', eventName: 'CRM_EVENT', uniqueID: 'someone-else', time: 1, promiseid: 'Promise101', data: { category: 'CONFIG', type: 'CURRENT_USER' } });
    expect(posted.map((m) => m.eventName)).toEqual(['SET_CONTEXT']);
  });

  it('stops answering after DEREGISTER', async () => {
    const { posted, register: registerWidget, fromWidget, request } = setup();
    await registerWidget();
    await fromWidget({ type: 'SDK.EVENT', eventName: 'DEREGISTER', uniqueID: 'u-1', appOrigin: APP_ORIGIN });
    const before = posted.length;
    await request('Promise101', { category: 'CONFIG', type: 'CURRENT_USER' });
    expect(posted).toHaveLength(before);
  });
});
