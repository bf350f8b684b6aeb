import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, DEMO_USERS, SEED, type Emulator } from '../../server/emulator';
import { hasScopes, moduleScope } from '../../server/emulator/auth';
import { call } from './call';

const NOW = new Date('2026-02-01T15:00:00Z');
const lockPath = `/Deals/${SEED.deals.hooliPricing}/Locking_Information__s`;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => NOW });
});

describe('OAuth tokens', () => {
  it('answers AUTHENTICATION_FAILURE 401 without an Authorization header', async () => {
    const answer = await call(emulator, 'GET', '/users?type=CurrentUser', { token: null });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ code: 'AUTHENTICATION_FAILURE', details: {}, message: 'Authentication failed', status: 'error' });
  });

  it.each([
    ['an unknown token', () => '1000.unknown.token'],
    ['an expired token', () => emulator.issueToken('rep@example.com', ['ZohoCRM.users.ALL'], { expiresAt: new Date('2026-02-01T14:59:59Z') })],
  ])('answers INVALID_TOKEN 401 for %s', async (_name, token) => {
    const answer = await call(emulator, 'GET', '/users?type=CurrentUser', { token: token() });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' });
  });

  it('accepts every demo token and names its user', async () => {
    for (const demo of DEMO_USERS) {
      const answer = await call(emulator, 'GET', '/users?type=CurrentUser', { token: demo.token });
      expect(answer.json.users[0]).toMatchObject({ email: demo.email, full_name: demo.name, profile: { name: demo.profileName } });
    }
  });

  it('refuses to issue a token for someone outside the org', () => {
    expect(() => emulator.issueToken('stranger@example.com', [])).toThrow(/stranger@example.com/);
  });
});

describe('OAuth scopes', () => {
  const scoped = (scopes: string[]) => emulator.issueToken('rep@example.com', scopes);

  it.each([
    ['documented lock scope + module READ', ['ZohoCRM.modules.lockinginformation.READ', 'ZohoCRM.modules.deals.READ'], 200],
    ['the OpenAPI files’ settings.modules scope instead (their reading is a variant)', ['ZohoCRM.settings.modules.READ', 'ZohoCRM.modules.ALL'], 401],
    ['scope names in any case', ['zohocrm.modules.LOCKINGINFORMATION.all', 'ZOHOCRM.MODULES.DEALS.read'], 200],
    ['lock scope without a module scope', ['ZohoCRM.modules.lockinginformation.ALL'], 401],
    ['module scope without a lock scope', ['ZohoCRM.modules.deals.ALL'], 401],
    ['another module\'s scope', ['ZohoCRM.modules.lockinginformation.ALL', 'ZohoCRM.modules.leads.READ'], 401],
    ['the CREATE lock scope for a read', ['ZohoCRM.modules.lockinginformation.CREATE', 'ZohoCRM.modules.deals.READ'], 401],
  ])('GET lock with %s answers %i', async (_name, scopes, status) => {
    const answer = await call(emulator, 'GET', `${lockPath}?fields=id`, { token: scoped(scopes) });
    expect(answer.status).toBe(status);
    if (status === 401) {
      expect(answer.json).toEqual({
        code: 'OAUTH_SCOPE_MISMATCH',
        details: {},
        message: 'invalid oauth scope to access this URL',
        status: 'error',
      });
    }
  });

  it.each([
    ['POST', 'CREATE'],
    ['PUT', 'UPDATE'],
    ['DELETE', 'DELETE'],
  ])('%s on a lock needs the %s lock scope and the module scope of that operation', async (method, op) => {
    const path = method === 'POST' ? `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s` : `${lockPath}/${SEED.locks.hooliPricing}`;
    const body = method === 'DELETE' ? undefined : { data: [{ Locked_Reason__s: 'x' }] };
    const refused = [
      ['ZohoCRM.modules.lockinginformation.READ', `ZohoCRM.modules.deals.${op}`],
      [`ZohoCRM.modules.lockinginformation.${op}`, 'ZohoCRM.modules.deals.READ'],
    ];
    for (const scopes of refused) {
      expect((await call(emulator, method, path, { token: scoped(scopes), body })).json.code, scopes.join(' ')).toBe('OAUTH_SCOPE_MISMATCH');
    }
    const right = await call(emulator, method, path, { token: scoped([`ZohoCRM.modules.lockinginformation.${op}`, `ZohoCRM.modules.deals.${op}`]), body });
    expect(right.json.data[0].code).toBe('SUCCESS');
  });

  it.each([
    ['Projects__c', ['ZohoCRM.modules.custom.CREATE'], true],
    ['Projects__c', ['ZohoCRM.modules.custom.ALL'], true],
    ['Projects__c', ['ZohoCRM.modules.custom.READ'], false],
    ['Deals', ['ZohoCRM.modules.custom.CREATE'], false],
  ])('a CREATE on %s is allowed by %j: %s', (module, granted, allowed) => {
    expect(hasScopes(granted, [moduleScope(module, ['CREATE'])])).toBe(allowed);
  });

  it.each([
    ['/settings/record_locking_configurations?module=Deals', ['ZohoCRM.settings.record_locking_configurations.READ'], ['ZohoCRM.settings.profiles.READ']],
    [`/settings/profiles/${SEED.profiles.salesRep}`, ['ZohoCRM.settings.profiles.READ'], ['ZohoCRM.settings.fields.READ']],
    ['/settings/fields?module=Locking_Information__s', ['ZohoCRM.settings.fields.ALL'], ['ZohoCRM.users.READ']],
    ['/users?type=CurrentUser', ['ZohoCRM.users.READ'], ['ZohoCRM.settings.ALL']],
    ['/Deals?fields=Deal_Name', ['ZohoCRM.modules.deals.READ'], ['ZohoCRM.modules.deals.CREATE']],
  ])('GET %s needs its own scope', async (path, right, wrong) => {
    const admin = (scopes: string[]) => emulator.issueToken('admin@example.com', scopes);
    expect((await call(emulator, 'GET', path, { token: admin(wrong) })).json.code).toBe('OAUTH_SCOPE_MISMATCH');
    expect((await call(emulator, 'GET', path, { token: admin(right) })).status).toBe(200);
  });

  it('accepts the manifest\'s per-user scopes for price_books written either way', async () => {
    const token = scoped(['ZohoCRM.modules.pricebooks.READ']);
    const answer = await call(emulator, 'GET', '/Price_Books?fields=Price_Book_Name', { token });
    expect(answer.status).toBe(204);
  });
});
