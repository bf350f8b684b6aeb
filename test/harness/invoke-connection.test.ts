import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEmulator, SEED } from '../../server/emulator/index';
import { createConnectionTokens } from '../../server/harness/connection-tokens';
import { createConnectionInvoker } from '../../server/harness/invoke-connection';
import type { InvokeRequest } from '../../server/harness/invoke-schema';
import { readManifest } from '../../server/harness/manifest';

const manifest = readManifest(JSON.parse(readFileSync(new URL('../../plugin-manifest.json', import.meta.url), 'utf8')));
const DEAL = SEED.deals.acmeRenewal;
const LOCKS = `https://www.zohoapis.com/crm/v8/Deals/${DEAL}/Locking_Information__s`;
const LOCK_FIELDS = 'fields=Locked_For__s,Locked_Reason__s,Lock_Source__s,Locked_Time__s,Locked_By__s';

function setup() {
  const emulator = createEmulator();
  const tokens = createConnectionTokens({
    connections: manifest.connections,
    issueToken: (email, scopes) => emulator.issueToken(email, scopes),
    installingAdmin: 'admin@example.com',
  });
  const invoke = createConnectionInvoker({ backend: emulator, tokens });
  const call = (overrides: Partial<InvokeRequest> & Pick<InvokeRequest, 'request'>) =>
    invoke({ user: 'rep@example.com', connection: 'recordlock_user', deployment: 'US', ...overrides });
  const lock = (reason: string, overrides: Partial<InvokeRequest> = {}) =>
    call({
      request: {
        url: LOCKS,
        method: 'POST',
        param_type: 2,
        parameters: JSON.stringify({ data: [{ Locked_Reason__s: reason }] }),
        headers: JSON.stringify({ 'Content-Type': 'application/json' }),
      },
      ...overrides,
    });
  const readLock = () => call({ request: { url: `${LOCKS}?${LOCK_FIELDS}` } });
  return { emulator, call, lock, readLock };
}

describe('connection invoker (against the emulator)', () => {
  it('locks through the per-user connection as the signed-in user, and wraps the body in Zoho’s envelope', async () => {
    const { lock, readLock } = setup();

    const locked = await lock('Contract under legal review');
    expect(locked.answer).toMatchObject({
      outcome: 'response',
      data: { code: 'SUCCESS', message: 'Connection invoked successfully', status: 'success', details: { statusMessage: { data: [{ code: 'SUCCESS' }] } } },
    });
    expect(locked.call).toMatchObject({ connection: 'recordlock_user', method: 'POST', path: `/crm/v8/Deals/${DEAL}/Locking_Information__s`, status: 201 });

    const read = await readLock();
    expect(read.answer).toMatchObject({
      data: { details: { statusMessage: { data: [{ Locked_Reason__s: 'Contract under legal review', Locked_By__s: { id: SEED.users.rep } }] } } },
    });
  });

  it('asks the emulator for the page’s variants with X-Emulator-Variant', async () => {
    const detailsOf = (result: Awaited<ReturnType<ReturnType<typeof setup>['lock']>>) =>
      Object.keys((result.answer.data as { details: { statusMessage: { data: { details: object }[] } } }).details.statusMessage.data[0]?.details ?? {});
    expect(detailsOf(await setup().lock('Contract under legal review', { variant: 'minimal-lock-answer' }))).toEqual(['id']);
    expect(detailsOf(await setup().lock('Contract under legal review'))).toContain('Created_Time');
  });

  it('hands over an empty statusMessage for a 204 (record not locked)', async () => {
    const { readLock } = setup();
    const read = await readLock();
    expect(read.answer).toEqual({ outcome: 'response', data: expect.objectContaining({ details: { statusMessage: '' } }) });
    expect(read.call?.status).toBe(204);
  });

  it('carries the org connection as the administrator, whoever is signed in', async () => {
    const { call } = setup();
    const result = await call({
      user: 'intern@example.com',
      connection: 'recordlock_org',
      request: { url: 'https://www.zohoapis.com/crm/v8/settings/record_locking_configurations?module=Deals' },
    });
    expect(result.call?.status).toBe(200);
    expect(result.answer).toMatchObject({ data: { details: { statusMessage: { record_locking_configurations: [{ id: SEED.configurations.deals }] } } } });
  });

  it('is refused by the API when the manifest gives the connection no scope for the call', async () => {
    const { call } = setup();
    // The org connection is read-only settings: no module scope to read a record.
    const result = await call({ connection: 'recordlock_org', request: { url: `https://www.zohoapis.com/crm/v8/Deals/${DEAL}` } });
    expect(result.call?.status).toBe(401);
    expect(result.answer).toMatchObject({ outcome: 'response', data: { code: 'SUCCESS', details: { statusMessage: { code: 'OAUTH_SCOPE_MISMATCH' } } } });
  });

  it('lets the unlock request and history calls through the per-user connection with the manifest’s scopes', async () => {
    const { call } = setup();
    const api = 'https://www.zohoapis.com/crm/v8';
    const hooli = SEED.deals.hooliPricing;
    const send = (url: string, method: string, body: unknown) =>
      call({ user: 'intern@example.com', request: { url, method, param_type: 2, parameters: JSON.stringify(body) } });

    const asked = await send(`${api}/Tasks`, 'POST', {
      data: [{ Subject: 'Unlock request: Hooli enterprise pricing', Owner: { id: SEED.users.rep }, What_Id: { id: hooli }, $se_module: 'Deals' }],
    });
    const noted = await send(`${api}/Deals/${hooli}/Notes`, 'POST', {
      data: [{ Parent_Id: { module: { api_name: 'Deals' }, id: hooli }, Note_Title: 'Record Lock', Note_Content: 'Ivo Intern asked Rita Rep to unlock this record.' }],
    });
    const completed = await send(`${api}/Tasks/${SEED.tasks.hooliUnlockRequest}`, 'PUT', { data: [{ Status: 'Completed' }] });
    const history = await call({ request: { url: `${api}/Deals/${hooli}/Notes?fields=Note_Content&sort_order=desc&per_page=1` } });
    const query = `select id, Subject from Tasks where (What_Id = '${hooli}' and Subject like 'Unlock request%') order by Created_Time desc limit 50`;
    const requests = await send(`${api}/coql`, 'POST', { select_query: query });

    expect([asked, noted, completed, history, requests].map((r) => r.call?.status)).toEqual([201, 201, 200, 200, 200]);
    expect(history.answer).toMatchObject({ data: { details: { statusMessage: { data: [{ Note_Content: 'Ivo Intern asked Rita Rep to unlock this record.' }] } } } });
    expect(requests.call?.summary).toBe(`${query.slice(0, 79)}…`);
    expect(asked.call?.summary).toBeUndefined();
  });

  it('rejects an unknown connection link name without calling the API', async () => {
    const { call } = setup();
    const result = await call({ connection: 'recordlock', request: { url: `${LOCKS}?${LOCK_FIELDS}` } });
    expect(result).toEqual({ answer: { outcome: 'failure', data: expect.objectContaining({ code: 'INVALID_CONNECTION' }) }, call: null });
  });

  it('answers a call to another data centre’s domain as Zoho would a foreign token', async () => {
    const { call } = setup();
    const result = await call({ deployment: 'EU', request: { url: `${LOCKS}?${LOCK_FIELDS}` } });
    expect(result.answer).toMatchObject({ outcome: 'response', data: { details: { statusMessage: { code: 'INVALID_TOKEN' } } } });
    expect(result.call?.status).toBe(401);
  });

  it('uses the EU domain for an EU org', async () => {
    const { call } = setup();
    const result = await call({ deployment: 'EU', request: { url: `https://www.zohoapis.eu/crm/v8/Deals/${DEAL}/Locking_Information__s?${LOCK_FIELDS}` } });
    expect(result.call?.status).toBe(204);
  });

  it.each([
    ['drop', false],
    ['drop-after', true],
  ])('rejects a call dropped by fault %s, which %s the lock', async (fault, applied) => {
    const { lock, readLock } = setup();
    const result = await lock('Dropped?', { fault });
    expect(result.answer).toEqual({ outcome: 'failure', data: expect.objectContaining({ code: 'CONNECTION_FAILED' }) });
    expect(result.call?.status).toBeNull();
    const read = await readLock();
    expect(read.call?.status).toBe(applied ? 200 : 204);
  });

  it('passes an injected server error through as the API’s answer', async () => {
    const { lock } = setup();
    const result = await lock('Server error?', { fault: 'error' });
    expect(result.call?.status).toBe(500);
    expect(result.answer).toMatchObject({ outcome: 'response', data: { details: { statusMessage: { code: 'INTERNAL_ERROR' } } } });
  });

  it('authorises the connection again after the emulator was reset', async () => {
    const { emulator, readLock } = setup();
    await readLock();
    emulator.reset();
    const read = await readLock();
    expect(read.call?.status).toBe(204);
  });
});
