// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError, type Host } from '../../../widget/host/host';
import { createZohoHost } from '../../../widget/host/zoho-record';
import { connectionAnswer, useSdkFrame } from './fake-zoho-sdk';

const frame = useSdkFrame();

const hostError = (kind: string) => expect.objectContaining({ name: 'HostError', kind });

describe('createZohoHost start-up', () => {
  it('registers the PageLoad handler before starting the SDK', () => {
    createZohoHost({ window: frame.window });
    expect(frame.fake.events).toEqual(['on:PageLoad', 'init']);
  });

  it('stops foreign messages before the SDK can see them', () => {
    const sdkListener = vi.fn();
    frame.fake.sdk.embeddedApp.init.mockImplementation(async () => {
      frame.window.addEventListener('message', sdkListener);
    });
    createZohoHost({ window: frame.window });
    const foreign = new frame.window.MessageEvent('message', {
      data: { type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'EVIL', EntityId: '666' } },
      origin: 'https://evil.example',
      source: window,
    });
    frame.window.dispatchEvent(foreign);
    expect(sdkListener).not.toHaveBeenCalled();
  });

  it('reports the SDK unavailable when it never finishes starting', async () => {
    vi.useFakeTimers();
    frame.fake.sdk.embeddedApp.init.mockReturnValue(new Promise(() => {}));
    const host = createZohoHost({ window: frame.window, timeoutMs: 1000 });
    const user = host.currentUser();
    const assertion = expect(user).rejects.toEqual(hostError('unavailable'));
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
  });

  it('reports the SDK unavailable when starting it fails', async () => {
    frame.fake.sdk.embeddedApp.init.mockRejectedValue(new Error('Parentwindow reference not found.'));
    const host = createZohoHost({ window: frame.window });
    await expect(host.environment()).rejects.toEqual(hostError('unavailable'));
  });
});

describe('createZohoHost without the SDK', () => {
  beforeEach(() => delete frame.window.ZOHO);

  it.each<[string, (host: Host) => Promise<unknown>]>([
    ['pageContext', (host) => host.pageContext()],
    ['currentUser', (host) => host.currentUser()],
    ['environment', (host) => host.environment()],
    ['request', (host) => host.request({ connection: 'user', method: 'GET', url: 'https://www.zohoapis.com/crm/v8/Deals/1' })],
  ])('%s rejects as unavailable', async (_name, call) => {
    await expect(call(createZohoHost({ window: frame.window }))).rejects.toEqual(hostError('unavailable'));
  });

  it('ignores resize', () => {
    expect(() => createZohoHost({ window: frame.window }).resize(200)).not.toThrow();
  });
});

describe('createZohoHost pageContext', () => {
  it.each([
    ['a string', { Entity: 'Deals', EntityId: '5843104000000410001' }],
    ['an array', { Entity: 'Deals', EntityId: ['5843104000000410001', '5843104000000410002'], ButtonPosition: 'DetailView' }],
  ])('reads the record id given as %s', async (_form, data) => {
    const host = createZohoHost({ window: frame.window });
    frame.fake.pageLoad(data);
    await expect(host.pageContext()).resolves.toEqual({ module: 'Deals', recordId: '5843104000000410001' });
  });

  it('keeps the first PageLoad', async () => {
    const host = createZohoHost({ window: frame.window });
    await host.environment();
    frame.fake.pageLoad({ Entity: 'Leads', EntityId: '1' });
    frame.fake.pageLoad({ Entity: 'Deals', EntityId: '2' });
    await expect(host.pageContext()).resolves.toEqual({ module: 'Leads', recordId: '1' });
  });

  it.each([
    ['no record id', { Entity: 'Deals' }],
    ['an empty id list', { Entity: 'Deals', EntityId: [] }],
    ['an empty id', { Entity: 'Deals', EntityId: '' }],
    ['an id that is not digits', { Entity: 'Deals', EntityId: '../Leads/1' }],
    ['an id list whose first id is not digits', { Entity: 'Deals', EntityId: ['12a'] }],
    ['a numeric id', { Entity: 'Deals', EntityId: 5843104000000410001 }],
    ['no module', { EntityId: '1' }],
    ['no data', undefined],
  ])('rejects a PageLoad with %s as malformed', async (_problem, data) => {
    const host = createZohoHost({ window: frame.window });
    frame.fake.pageLoad(data);
    await expect(host.pageContext()).rejects.toEqual(hostError('malformed'));
  });

  it('times out when no PageLoad comes', async () => {
    vi.useFakeTimers();
    const host = createZohoHost({ window: frame.window, timeoutMs: 5000 });
    const context = host.pageContext();
    const assertion = expect(context).rejects.toEqual(hostError('timeout'));
    await vi.advanceTimersByTimeAsync(5000);
    await assertion;
  });
});

describe('createZohoHost currentUser', () => {
  const zohoUser = {
    id: '5843104000000321003',
    full_name: 'Max Manager',
    first_name: 'Max',
    last_name: 'Manager',
    email: 'manager@example.com',
    profile: { id: '5843104000000026013', name: 'Sales Manager' },
    role: { id: '5843104000000026007', name: 'Manager' },
    locale: 'en_GB',
    time_zone: 'Europe/London',
    status: 'active',
  };
  const expected = {
    id: '5843104000000321003',
    fullName: 'Max Manager',
    email: 'manager@example.com',
    profile: { id: '5843104000000026013', name: 'Sales Manager' },
    role: { id: '5843104000000026007', name: 'Manager' },
    locale: 'en_GB',
    timeZone: 'Europe/London',
  };

  it.each([
    ['{users:[user]}', { users: [zohoUser] }],
    ['a bare user', zohoUser],
  ])('maps an answer shaped as %s', async (_shape, answer) => {
    frame.fake.sdk.CRM.CONFIG.getCurrentUser.mockResolvedValue(answer);
    await expect(createZohoHost({ window: frame.window }).currentUser()).resolves.toEqual(expected);
  });

  it('falls back to en_US, UTC, no role and the first and last name', async () => {
    const { locale: _l, time_zone: _t, role: _r, full_name: _f, ...sparse } = zohoUser;
    frame.fake.sdk.CRM.CONFIG.getCurrentUser.mockResolvedValue({ users: [sparse] });
    await expect(createZohoHost({ window: frame.window }).currentUser()).resolves.toEqual({
      ...expected,
      role: null,
      locale: 'en_US',
      timeZone: 'UTC',
    });
  });

  it.each([
    ['no user', { users: [] }],
    ['no profile', { users: [{ id: '1', full_name: 'X' }] }],
    ['a numeric id', { users: [{ ...zohoUser, id: 5843104000000321003 }] }],
  ])('rejects an answer with %s as malformed', async (_problem, answer) => {
    frame.fake.sdk.CRM.CONFIG.getCurrentUser.mockResolvedValue(answer);
    await expect(createZohoHost({ window: frame.window }).currentUser()).rejects.toEqual(hostError('malformed'));
  });

  it('times out when the SDK never answers', async () => {
    vi.useFakeTimers();
    frame.fake.sdk.CRM.CONFIG.getCurrentUser.mockReturnValue(new Promise(() => {}));
    const user = createZohoHost({ window: frame.window, timeoutMs: 3000 }).currentUser();
    const assertion = expect(user).rejects.toEqual(hostError('timeout'));
    await vi.advanceTimersByTimeAsync(3000);
    await assertion;
  });
});

describe('createZohoHost theme', () => {
  /** SDK 1.4's call, which the older SDK files (and the fake, by default) do not have. */
  const withPreference = (answer: () => Promise<unknown>) => {
    Object.assign(frame.fake.sdk.CRM.CONFIG, { getUserPreference: vi.fn(answer) });
  };

  it('is Day with an SDK file that has no getUserPreference', async () => {
    await expect(createZohoHost({ window: frame.window }).theme()).resolves.toBe('day');
  });

  it.each([
    [{ mode: 'night' }, 'night'],
    [{ mode: 'Night' }, 'night'],
    [{ mode: 'day' }, 'day'],
    [{ mode: 'dark' }, 'day'],
    ['night', 'day'],
    [null, 'day'],
  ])('reads %j as %s', async (answer, theme) => {
    withPreference(async () => answer);
    await expect(createZohoHost({ window: frame.window }).theme()).resolves.toBe(theme);
  });

  it('is Day when the call fails or never answers, and never rejects', async () => {
    withPreference(async () => Promise.reject(new Error('NOT_SUPPORTED')));
    await expect(createZohoHost({ window: frame.window }).theme()).resolves.toBe('day');
    vi.useFakeTimers();
    withPreference(() => new Promise(() => {}));
    const theme = createZohoHost({ window: frame.window, timeoutMs: 3000 }).theme();
    await vi.advanceTimersByTimeAsync(3000);
    await expect(theme).resolves.toBe('day');
  });
});

describe('createZohoHost environment', () => {
  it.each([
    ['US', 'https://www.zohoapis.com'],
    ['EU', 'https://www.zohoapis.eu'],
    ['IN', 'https://www.zohoapis.in'],
    ['AU', 'https://www.zohoapis.com.au'],
    ['JP', 'https://www.zohoapis.jp'],
    ['CN', 'https://www.zohoapis.com.cn'],
    ['CA', 'https://www.zohoapis.ca'],
    ['SA', 'https://www.zohoapis.sa'],
    ['UK', 'https://www.zohoapis.uk'],
    ['eu', 'https://www.zohoapis.eu'],
  ])('sends the calls of data centre %s to %s', async (deployment, apiDomain) => {
    frame.fake.sdk.CRM.CONFIG.GetCurrentEnvironment.mockResolvedValue({ deployment, ZGID: '1', appDetails: {} });
    await expect(createZohoHost({ window: frame.window }).environment()).resolves.toEqual({ deployment, apiDomain, orgId: '1' });
  });

  it.each([
    [{ ZGID: 5843104 }, '5843104'],
    [{}, null],
    [{ ZGID: '' }, null],
    [{ ZGID: { id: 1 } }, null],
  ])('names the org from ZGID %j as %s', async (extra, orgId) => {
    frame.fake.sdk.CRM.CONFIG.GetCurrentEnvironment.mockResolvedValue({ deployment: 'EU', ...extra });
    await expect(createZohoHost({ window: frame.window }).environment()).resolves.toMatchObject({ orgId });
  });

  it.each([['MARS'], [''], [undefined]])('rejects the unknown data centre %s as malformed', async (deployment) => {
    frame.fake.sdk.CRM.CONFIG.GetCurrentEnvironment.mockResolvedValue({ deployment });
    await expect(createZohoHost({ window: frame.window }).environment()).rejects.toEqual(hostError('malformed'));
  });
});

describe('createZohoHost request', () => {
  const url = 'https://www.zohoapis.eu/crm/v8/Deals/5843104000000410001/Locking_Information__s';

  it.each([
    ['GET' as const, { url, method: 'GET' }],
    ['DELETE' as const, { url, method: 'DELETE' }],
  ])('sends %s with the URL only', async (method, expected) => {
    await createZohoHost({ window: frame.window }).request({ connection: 'user', method, url });
    expect(frame.fake.sdk.CRM.CONNECTION.invoke).toHaveBeenCalledWith('recordlock_user', expected);
  });

  it.each(['POST' as const, 'PUT' as const])('sends the %s body as the JSON payload', async (method) => {
    const body = { data: [{ Locked_Reason__s: 'Audit' }] };
    await createZohoHost({ window: frame.window }).request({ connection: 'user', method, url, body });
    expect(frame.fake.sdk.CRM.CONNECTION.invoke).toHaveBeenCalledWith('recordlock_user', {
      url,
      method,
      param_type: 2,
      parameters: body,
      headers: { 'Content-Type': 'application/json' },
    });
  });

  it.each([
    ['user', undefined, 'recordlock_user'],
    ['org', undefined, 'recordlock_org'],
    ['org', { user: 'mine', org: 'ours' }, 'ours'],
  ] as const)('sends a %s call through the matching connection', async (connection, connections, link) => {
    await createZohoHost({ window: frame.window, connections }).request({ connection, method: 'GET', url });
    expect(frame.fake.sdk.CRM.CONNECTION.invoke).toHaveBeenCalledWith(link, expect.anything());
  });

  it.each([
    ['an object', { data: [{ id: '1' }] }, { data: [{ id: '1' }] }],
    ['a JSON string', '{"data":[{"id":"1"}]}', { data: [{ id: '1' }] }],
    ['plain text', 'Bad Gateway', 'Bad Gateway'],
    ['an empty string', '', undefined],
    ['nothing', undefined, undefined],
  ])('hands over statusMessage given as %s', async (_form, statusMessage, body) => {
    frame.fake.sdk.CRM.CONNECTION.invoke.mockResolvedValue(connectionAnswer(statusMessage));
    const host = createZohoHost({ window: frame.window });
    await expect(host.request({ connection: 'user', method: 'GET', url })).resolves.toEqual({ body });
  });

  it('hands over a Zoho error answer as a body', async () => {
    const error = { code: 'NO_PERMISSION', details: {}, message: 'permission denied', status: 'error' };
    frame.fake.sdk.CRM.CONNECTION.invoke.mockResolvedValue(connectionAnswer(JSON.stringify(error)));
    const host = createZohoHost({ window: frame.window });
    await expect(host.request({ connection: 'user', method: 'GET', url })).resolves.toEqual({ body: error });
  });

  it('rejects as a connection failure when the SDK rejects', async () => {
    frame.fake.sdk.CRM.CONNECTION.invoke.mockRejectedValue({ code: 'INVALID_CONNECTION', message: 'not authorised' });
    const host = createZohoHost({ window: frame.window });
    await expect(host.request({ connection: 'user', method: 'GET', url })).rejects.toEqual(hostError('connection'));
  });

  it('rejects as a connection failure when the outer code is not SUCCESS', async () => {
    frame.fake.sdk.CRM.CONNECTION.invoke.mockResolvedValue({ ...connectionAnswer(''), code: 'FAILURE' });
    const host = createZohoHost({ window: frame.window });
    await expect(host.request({ connection: 'user', method: 'GET', url })).rejects.toEqual(hostError('connection'));
  });

  it('rejects an answer without a code as malformed', async () => {
    frame.fake.sdk.CRM.CONNECTION.invoke.mockResolvedValue('ok');
    const host = createZohoHost({ window: frame.window });
    await expect(host.request({ connection: 'user', method: 'GET', url })).rejects.toEqual(hostError('malformed'));
  });

  it('times out when the connection never answers', async () => {
    vi.useFakeTimers();
    frame.fake.sdk.CRM.CONNECTION.invoke.mockReturnValue(new Promise(() => {}));
    const request = createZohoHost({ window: frame.window }).request({ connection: 'user', method: 'GET', url });
    const assertion = expect(request).rejects.toBeInstanceOf(HostError);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(frame.fake.sdk.CRM.CONNECTION.invoke).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await assertion;
    await expect(request).rejects.toEqual(hostError('timeout'));
  });
});

describe('createZohoHost resize', () => {
  it('asks for the height at the current width', async () => {
    const host = createZohoHost({ window: frame.window });
    host.resize(321.4);
    await host.environment();
    expect(frame.fake.sdk.CRM.UI.Resize).toHaveBeenCalledWith({ height: 322, width: frame.window.innerWidth });
  });

  it('lets no failure escape', async () => {
    frame.fake.sdk.CRM.UI.Resize.mockRejectedValue(new Error('no frame'));
    const host = createZohoHost({ window: frame.window });
    expect(() => host.resize(100)).not.toThrow();
    await host.environment();
    expect(frame.fake.sdk.CRM.UI.Resize).toHaveBeenCalled();
  });
});

describe('createZohoHost onVisible', () => {
  const setVisibility = (state: DocumentVisibilityState) => {
    Object.defineProperty(frame.window.document, 'visibilityState', { value: state, configurable: true });
    frame.window.document.dispatchEvent(new frame.window.Event('visibilitychange'));
  };

  it('calls back when the page becomes visible, not when it is hidden, until unsubscribed', () => {
    const callback = vi.fn();
    const unsubscribe = createZohoHost({ window: frame.window }).onVisible(callback);
    setVisibility('hidden');
    expect(callback).not.toHaveBeenCalled();
    setVisibility('visible');
    expect(callback).toHaveBeenCalledTimes(1);
    unsubscribe();
    setVisibility('visible');
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
