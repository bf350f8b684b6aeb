import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';
import { zohoError } from './refusals';

const { deals } = SEED;
const ADMIN = { token: '1000.demo.admin' };
const LOCKED = `/Deals/search?criteria=${encodeURIComponent('(Locked__s:equals:true)')}&fields=Deal_Name,Locked__s`;

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => new Date('2026-02-01T15:00:00Z') });
});

/** Locked__s as each answer shows it: the record GET, the list GET and the search must agree. */
const lockedFlags = async (recordId: string) => {
  const one = await call(emulator, 'GET', `/Deals/${recordId}`);
  const list = await call(emulator, 'GET', '/Deals?fields=Locked__s');
  const found = await call(emulator, 'GET', LOCKED);
  return {
    record: one.json.data[0].Locked__s,
    list: list.json.data.find((r: { id: string }) => r.id === recordId).Locked__s,
    search: (found.json?.data ?? []).some((r: { id: string }) => r.id === recordId),
  };
};
const locked = { record: true, list: true, search: true };
const unlocked = { record: false, list: false, search: false };

const changeDeal = (recordId: string, fields: Record<string, unknown>) =>
  call(emulator, 'PUT', `/Deals/${recordId}`, { ...ADMIN, body: { data: [fields] } });

describe('Locked__s', () => {
  it('turns true with a manual lock and false with its unlock', async () => {
    expect(await lockedFlags(deals.acmeRenewal)).toEqual(unlocked);
    const lock = await call(emulator, 'POST', `/Deals/${deals.acmeRenewal}/Locking_Information__s`, {
      body: { data: [{ Locked_Reason__s: 'Waiting for the signed contract' }] },
    });
    expect(await lockedFlags(deals.acmeRenewal)).toEqual(locked);
    await call(emulator, 'DELETE', `/Deals/${deals.acmeRenewal}/Locking_Information__s/${lock.json.data[0].details.id}`);
    expect(await lockedFlags(deals.acmeRenewal)).toEqual(unlocked);
  });

  it('follows the rule: true when a deal turns Closed Won, false when it stops being Closed Won', async () => {
    await changeDeal(deals.globexExpansion, { Stage: 'Closed Won' });
    expect(await lockedFlags(deals.globexExpansion)).toEqual(locked);
    await changeDeal(deals.globexExpansion, { Stage: 'Qualification' });
    expect(await lockedFlags(deals.globexExpansion)).toEqual(unlocked);
  });

  it('turns false on every deal when the module’s locking configuration is deleted', async () => {
    await call(emulator, 'DELETE', `/settings/record_locking_configurations/${SEED.configurations.deals}?module=Deals`, ADMIN);
    expect((await call(emulator, 'GET', LOCKED)).status).toBe(204);
    expect(await lockedFlags(deals.hooliPricing)).toEqual(unlocked);
  });

  it('ignores a write of Locked__s, as of any read-only field', async () => {
    const answer = await changeDeal(deals.acmeRenewal, { Locked__s: true, Next_Step: 'Call Bob' });
    expect(answer.status).toBe(200);
    expect(await lockedFlags(deals.acmeRenewal)).toEqual(unlocked);
    const unlocking = await changeDeal(deals.hooliPricing, { Locked__s: false });
    expect(unlocking.status).toBe(200);
    expect(await lockedFlags(deals.hooliPricing)).toEqual(locked);
  });

  it('is a read-only boolean in the field metadata', async () => {
    const answer = await call(emulator, 'GET', '/settings/fields?module=Deals', ADMIN);
    expect(answer.json.fields.find((f: { api_name: string }) => f.api_name === 'Locked__s')).toMatchObject({
      data_type: 'boolean',
      read_only: true,
    });
  });
});

describe('$locked_for_me', () => {
  it.each([
    ['the rep, bound by the lock', '1000.demo.rep', deals.hooliPricing, true],
    ['the administrator, exempt by profile', '1000.demo.admin', deals.hooliPricing, false],
    ['anyone, on an unlocked deal', '1000.demo.rep', deals.acmeRenewal, false],
  ])('is right for %s', async (_who, token, recordId, expected) => {
    const answer = await call(emulator, 'GET', `/Deals/${recordId}`, { token });
    expect(answer.json.data[0].$locked_for_me).toBe(expected);
  });

  it('binds every profile when the configuration locks for all profiles', async () => {
    const lock = await call(emulator, 'POST', `/Leads/${SEED.leads.janeDoe}/Locking_Information__s`, {
      body: { data: [{ Locked_Reason__s: 'Checking the address' }] },
    });
    expect(lock.status).toBe(201);
    const answer = await call(emulator, 'GET', `/Leads/${SEED.leads.janeDoe}`, ADMIN);
    expect(answer.json.data[0].$locked_for_me).toBe(true);
  });
});

describe('the searchLockedField switch', () => {
  it('refuses a search naming Locked__s with INVALID_QUERY when off', async () => {
    const refusing = createEmulator({ searchLockedField: false });
    const answer = await call(refusing, 'GET', LOCKED);
    expect({ status: answer.status, json: answer.json }).toEqual({
      status: 400,
      json: zohoError('INVALID_QUERY', 'Invalid query formed', { api_name: 'Locked__s', reason: 'the field is not available for search' }),
    });
    expect((await call(refusing, 'GET', `/Deals/search?criteria=${encodeURIComponent('(Stage:equals:Closed Won)')}`)).status).toBe(200);
    expect((await call(refusing, 'GET', `/Deals/${deals.hooliPricing}`)).json.data[0].Locked__s).toBe(true);
  });

  it('can be turned off and back on with setOptions', async () => {
    emulator.setOptions({ searchLockedField: false });
    expect((await call(emulator, 'GET', LOCKED)).status).toBe(400);
    emulator.setOptions({});
    expect((await call(emulator, 'GET', LOCKED)).status).toBe(200);
  });
});
