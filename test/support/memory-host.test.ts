import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoIdentity } from './demo-users';
import { createMemoryHost } from './memory-host';

const page = { module: 'Deals', recordId: '5843104000000410001' };
const url = 'https://www.zohoapis.com/crm/v8/Deals/5843104000000410001/Locking_Information__s?fields=Locked_By__s';

/** Answers with what arrived, so the tests see the Request the memory host built. */
const echo = vi.fn(async (request: Request) =>
  Response.json({
    method: request.method,
    url: request.url,
    authorization: request.headers.get('Authorization'),
    contentType: request.headers.get('Content-Type'),
    body: request.method === 'GET' || request.method === 'DELETE' ? null : await request.json(),
  }),
);

const hostWith = (handle: (request: Request) => Promise<Response> = echo) =>
  createMemoryHost({ handle, page, ...demoIdentity('rep') });

afterEach(() => {
  echo.mockClear();
  vi.useRealTimers();
});

describe('createMemoryHost request', () => {
  it('sends the path and query with the user connection token', async () => {
    const { body } = await hostWith().request({ connection: 'user', method: 'GET', url });
    expect(body).toEqual({
      method: 'GET',
      url: 'http://localhost/crm/v8/Deals/5843104000000410001/Locking_Information__s?fields=Locked_By__s',
      authorization: 'Zoho-oauthtoken 1000.demo.rep',
      contentType: null,
      body: null,
    });
  });

  it('sends org calls with the org connection token and a JSON body', async () => {
    const { body } = await hostWith().request({ connection: 'org', method: 'POST', url, body: { data: [{ a: 1 }] } });
    expect(body).toMatchObject({
      authorization: 'Zoho-oauthtoken 1000.demo.admin',
      contentType: 'application/json',
      body: { data: [{ a: 1 }] },
    });
  });

  it.each([
    ['JSON, parsed', () => Response.json({ data: [] }), { data: [] }],
    ['text, as text', () => new Response('Bad Gateway', { status: 502 }), 'Bad Gateway'],
    ['no content, as undefined', () => new Response(null, { status: 204 }), undefined],
  ])('hands over a body of %s', async (_case, answer, expected) => {
    const host = hostWith(async () => answer());
    await expect(host.request({ connection: 'user', method: 'GET', url })).resolves.toEqual({ body: expected });
  });

  it('reports a handler that throws as a connection failure', async () => {
    const host = hostWith(async () => {
      throw new TypeError('socket hang up');
    });
    await expect(host.request({ connection: 'user', method: 'GET', url })).rejects.toMatchObject({ name: 'HostError', kind: 'connection' });
  });

  it('records every call, including failed ones', async () => {
    const host = hostWith();
    host.failNext('connection');
    await host.request({ connection: 'user', method: 'DELETE', url }).catch(() => undefined);
    await host.request({ connection: 'org', method: 'GET', url });
    expect(host.calls).toEqual([
      { connection: 'user', method: 'DELETE', url },
      { connection: 'org', method: 'GET', url },
    ]);
  });
});

describe('createMemoryHost failNext', () => {
  it.each(['timeout', 'connection'] as const)('fails the next call only with a %s HostError, unsent', async (kind) => {
    const host = hostWith();
    host.failNext(kind);
    await expect(host.request({ connection: 'user', method: 'GET', url })).rejects.toMatchObject({ name: 'HostError', kind });
    expect(echo).not.toHaveBeenCalled();
    await host.request({ connection: 'user', method: 'GET', url });
    expect(echo).toHaveBeenCalledTimes(1);
  });

  it('can let the failed call reach the CRM first', async () => {
    const host = hostWith();
    host.failNext('timeout', { afterSending: true });
    await expect(host.request({ connection: 'user', method: 'DELETE', url })).rejects.toMatchObject({ kind: 'timeout' });
    expect(echo).toHaveBeenCalledTimes(1);
  });
});

describe('createMemoryHost timing', () => {
  it('delays each answer by the given time', async () => {
    vi.useFakeTimers();
    const host = hostWith();
    host.setDelay(800);
    let settled = false;
    const request = host.request({ connection: 'user', method: 'GET', url }).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(799);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await request;
    expect(settled).toBe(true);
  });

  it('holds answers while paused', async () => {
    const host = hostWith();
    const resume = host.pause();
    let settled = false;
    const request = host.request({ connection: 'user', method: 'GET', url }).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(echo).toHaveBeenCalledTimes(1);
    expect(settled).toBe(false);
    resume();
    await request;
    expect(settled).toBe(true);
  });
});

describe('createMemoryHost page and user', () => {
  it('gives the page context, the user and the US API domain', async () => {
    const host = hostWith();
    await expect(host.pageContext()).resolves.toEqual(page);
    await expect(host.currentUser()).resolves.toMatchObject({ fullName: 'Rita Rep', profile: { name: 'Sales Rep' } });
    await expect(host.environment()).resolves.toEqual({ deployment: 'US', apiDomain: 'https://www.zohoapis.com', orgId: '5843104000000000001' });
  });

  it('records resizes and runs visibility callbacks until unsubscribed', () => {
    const host = hostWith();
    const callback = vi.fn();
    const unsubscribe = host.onVisible(callback);
    host.resize(240);
    host.becomeVisible();
    unsubscribe();
    host.becomeVisible();
    expect(host.resizes).toEqual([240]);
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
