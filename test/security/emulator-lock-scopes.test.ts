import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { readManifest } from '../../server/harness/manifest';

const manifest = readManifest(JSON.parse(readFileSync(new URL('../../plugin-manifest.json', import.meta.url), 'utf8')));
const PER_USER_SCOPES = manifest.connections.find((c) => c.linkName === 'recordlock_user')?.scopes ?? [];

const BASE = 'https://www.zohoapis.com/crm/v8';
const unlocked = `${BASE}/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`;
const hooliLock = `${BASE}/Deals/${SEED.deals.hooliPricing}/Locking_Information__s/${SEED.locks.hooliPricing}`;

/** Each lock call, with the module operation Zoho's docs pages pair with it. */
const LOCK_CALLS = [
  { method: 'GET', url: `${unlocked}?fields=Lock_Source__s`, operation: 'READ', success: 204 },
  { method: 'POST', url: unlocked, operation: 'CREATE', success: 201 },
  { method: 'PUT', url: hooliLock, operation: 'UPDATE', success: 200 },
  { method: 'DELETE', url: hooliLock, operation: 'DELETE', success: 200 },
] as const;
type LockCall = (typeof LOCK_CALLS)[number];

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const tokenWith = (scopes: readonly string[]): string => emulator.issueToken('rep@example.com', [...scopes]);

const send = async (call: LockCall, token: string, variant?: string) => {
  const response = await emulator.handle(
    new Request(call.url, {
      method: call.method,
      headers: { Authorization: `Zoho-oauthtoken ${token}`, 'content-type': 'application/json', ...(variant ? { 'X-Emulator-Variant': variant } : {}) },
      body: call.method === 'POST' || call.method === 'PUT' ? JSON.stringify({ data: [{ Locked_Reason__s: 'Audit hold' }] }) : null,
    }),
  );
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
};

const label = (call: LockCall) => [`${call.method} (${call.operation})`, call] as const;

describe('the emulator scope check on lock calls (per-user connection of plugin-manifest.json)', () => {
  it('finds the per-user connection in the manifest', () => {
    expect(PER_USER_SCOPES).toContain('ZohoCRM.modules.deals.CREATE');
  });

  it.each(LOCK_CALLS.map(label))('lets the manifest scopes make %s', async (_, call) => {
    expect((await send(call, tokenWith(PER_USER_SCOPES))).status).toBe(call.success);
  });

  it.each(LOCK_CALLS.map(label))('lets the manifest scopes make %s under the OpenAPI files’ reading too (oas-lock-scopes)', async (_, call) => {
    expect((await send(call, tokenWith(PER_USER_SCOPES), 'oas-lock-scopes')).status).toBe(call.success);
  });

  it.each(LOCK_CALLS.map(label))('makes %s with either reading’s lock scope alone, each under its own reading', async (_, call) => {
    const other = { docs: 'ZohoCRM.settings.modules', oas: 'ZohoCRM.modules.lockinginformation' };
    for (const [reading, variant] of [['docs', undefined], ['oas', 'oas-lock-scopes']] as const) {
      emulator.reset();
      const token = tokenWith(PER_USER_SCOPES.filter((scope) => !scope.startsWith(other[reading])));
      expect((await send(call, token, variant)).status, reading).toBe(call.success);
    }
  });

  it.each(LOCK_CALLS.map(label))('answers %s with OAUTH_SCOPE_MISMATCH once the module scope of that operation is gone', async (_, call) => {
    const token = tokenWith(PER_USER_SCOPES.filter((s) => s !== `ZohoCRM.modules.deals.${call.operation}`));
    const before = emulator.snapshot();
    expect(await send(call, token)).toEqual({
      status: 401,
      json: { code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: 'invalid oauth scope to access this URL', status: 'error' },
    });
    expect(emulator.snapshot()).toEqual(before);
  });

  it.each(LOCK_CALLS.map(label))('accepts %s with ZohoCRM.modules.ALL or the module ALL scope instead', async (_, call) => {
    for (const moduleScope of ['ZohoCRM.modules.ALL', 'ZohoCRM.modules.deals.ALL']) {
      emulator.reset();
      expect((await send(call, tokenWith(['ZohoCRM.modules.lockinginformation.ALL', moduleScope]))).status, moduleScope).toBe(call.success);
    }
  });
});
