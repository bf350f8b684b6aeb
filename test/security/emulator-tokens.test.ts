import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../server/emulator';
import { bodyFor, everyCall, type Method } from './emulator-routes';

interface Sent {
  status: number;
  code: unknown;
}

const send = async (emulator: Emulator, method: Method, url: string, authorization: string | null): Promise<Sent> => {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (authorization !== null) headers.set('Authorization', authorization);
  const carriesBody = method !== 'GET';
  const response = await emulator.handle(
    new Request(url, { method, headers, body: carriesBody ? JSON.stringify(bodyFor(url)) : null }),
  );
  const text = await response.text();
  const json: unknown = text === '' ? null : JSON.parse(text);
  const code = json !== null && typeof json === 'object' && 'code' in json ? json.code : null;
  return { status: response.status, code };
};

const READ_ONLY_SCOPES = [
  'ZohoCRM.modules.deals.READ',
  'ZohoCRM.modules.lockinginformation.READ',
  'ZohoCRM.settings.record_locking_configurations.READ',
  'ZohoCRM.settings.profiles.READ',
  'ZohoCRM.settings.fields.READ',
  'ZohoCRM.users.READ',
  'ZohoCRM.modules.tasks.READ',
  'ZohoCRM.modules.notes.READ',
  'ZohoCRM.coql.READ',
  'ZohoSearch.securesearch.READ',
];

/** A COQL query is posted but only reads. */
const isRead = (call: { method: string; url: string }): boolean => call.method === 'GET' || call.url.includes('/coql');

const calls = everyCall();
const served = calls.filter((c) => c.served);
const label = <C extends { method: string; url: string }>(c: C) => [`${c.method} ${c.url.replace('https://www.zohoapis.com/crm', '')}`, c] as const;

describe('the emulator token check', () => {
  it.each(calls.map(label))('refuses %s without a token: 401 AUTHENTICATION_FAILURE, nothing changed', async (_, call) => {
    const emulator = createEmulator();
    const before = emulator.snapshot();
    expect(await send(emulator, call.method, call.url, null)).toEqual({ status: 401, code: 'AUTHENTICATION_FAILURE' });
    expect(emulator.snapshot()).toEqual(before);
  });

  it.each([
    ['an unknown token', 'Zoho-oauthtoken 1000.not.issued'],
    ['a Bearer token', 'Bearer 1000.demo.admin'],
    ['an empty token', 'Zoho-oauthtoken '],
  ])('refuses every served call with %s', async (_, authorization) => {
    const emulator = createEmulator();
    const before = emulator.snapshot();
    for (const call of served) {
      const answer = await send(emulator, call.method, call.url, authorization);
      expect(answer.status, `${call.method} ${call.url}`).toBe(401);
      expect(['AUTHENTICATION_FAILURE', 'INVALID_TOKEN']).toContain(answer.code);
    }
    expect(emulator.snapshot()).toEqual(before);
  });

  it('refuses every served call with an expired token', async () => {
    const emulator = createEmulator({ now: () => new Date('2026-03-01T00:00:00Z') });
    const token = emulator.issueToken('admin@example.com', ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.ALL', 'ZohoCRM.users.ALL'], {
      expiresAt: new Date('2026-02-28T23:59:59Z'),
    });
    const before = emulator.snapshot();
    for (const call of served) {
      expect(await send(emulator, call.method, call.url, `Zoho-oauthtoken ${token}`), `${call.method} ${call.url}`).toEqual({
        status: 401,
        code: 'INVALID_TOKEN',
      });
    }
    expect(emulator.snapshot()).toEqual(before);
  });

  it.each(served.map(label))('answers %s with OAUTH_SCOPE_MISMATCH to a token without its scope', async (_, call) => {
    const emulator = createEmulator();
    const token = emulator.issueToken('admin@example.com', ['ZohoCRM.org.ALL']);
    const before = emulator.snapshot();
    expect(await send(emulator, call.method, call.url, `Zoho-oauthtoken ${token}`)).toEqual({
      status: 401,
      code: 'OAUTH_SCOPE_MISMATCH',
    });
    expect(emulator.snapshot()).toEqual(before);
  });

  it('never answers an unserved method with success, whatever the token', async () => {
    const emulator = createEmulator();
    const before = emulator.snapshot();
    for (const call of calls.filter((c) => !c.served)) {
      const answer = await send(emulator, call.method, call.url, 'Zoho-oauthtoken 1000.demo.admin');
      expect(answer, `${call.method} ${call.url}`).toEqual({ status: 403, code: 'INVALID_REQUEST_METHOD' });
    }
    expect(emulator.snapshot()).toEqual(before);
  });

  it('lets a read-only token read but refuses each of its writes with OAUTH_SCOPE_MISMATCH', async () => {
    const emulator = createEmulator();
    const token = emulator.issueToken('admin@example.com', READ_ONLY_SCOPES);
    const before = emulator.snapshot();
    for (const call of served) {
      const answer = await send(emulator, call.method, call.url, `Zoho-oauthtoken ${token}`);
      if (isRead(call)) expect(answer.status, `${call.method} ${call.url}`).toBeLessThan(300);
      else expect(answer, `${call.method} ${call.url}`).toEqual({ status: 401, code: 'OAUTH_SCOPE_MISMATCH' });
    }
    expect(emulator.snapshot()).toEqual(before);
  });
});
