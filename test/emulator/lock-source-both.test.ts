import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

const NOW = new Date('2026-02-01T15:00:00Z');
const { deals } = SEED;
const locks = `/Deals/${deals.hooliPricing}/Locking_Information__s`;
const hooliLock = `${locks}/${SEED.locks.hooliPricing}`;
const READ = `${locks}?fields=Lock_Source__s,Locked_Reason__s,Locked_By__s,Record_Locking_Rule_Id__s`;
const configurations = '/settings/record_locking_configurations?module=Deals';
const ADMIN = { token: '1000.demo.admin' };
const reasonBody = (reason: string) => ({ data: [{ Locked_Reason__s: reason }] });
const MANUAL = {
  id: SEED.locks.hooliPricing,
  Lock_Source__s: 'Manual',
  Locked_Reason__s: 'Pricing under legal review',
  Locked_By__s: { name: 'Rita Rep', id: SEED.users.rep },
  Record_Locking_Rule_Id__s: null,
};
const BOTH = { ...MANUAL, Lock_Source__s: 'Both', Record_Locking_Rule_Id__s: SEED.rules.closedWonDeals };

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => NOW });
});

/** The administrator is exempt from the Deals lock, so may move a locked deal's stage. */
const setStage = async (stage: string): Promise<void> => {
  const answer = await call(emulator, 'PUT', `/Deals/${deals.hooliPricing}`, { ...ADMIN, body: { data: [{ Stage: stage }] } });
  expect(answer.json.data[0].code).toBe('SUCCESS');
};

const readLock = async () => (await call(emulator, 'GET', READ)).json?.data[0];

describe('Lock_Source__s "Both" (a manual lock that a rule also holds)', () => {
  it('becomes Both with the rule when a manually locked record comes to match it, keeping reason and locker', async () => {
    await setStage('Closed Won');
    expect(await readLock()).toEqual({ ...BOTH, $field_states: null, $editable: false, $sharing_permission: 'read_only', $zia_visions: null });
  });

  it('goes back to Manual, without the rule, when the record stops matching', async () => {
    await setStage('Closed Won');
    expect(await readLock()).toMatchObject(BOTH);
    await setStage('Negotiation/Review');
    expect(await readLock()).toMatchObject({ ...MANUAL, $editable: true });
  });

  it('becomes Both when a rule saved with lock_existing_records matches the manually locked record', async () => {
    const saved = await call(emulator, 'PUT', configurations, {
      ...ADMIN,
      body: {
        record_locking_configurations: [
          {
            id: SEED.configurations.deals,
            locking_rules: [
              { name: 'Big deals', lock_existing_records: true, criteria: { comparator: 'greater_than', field: { api_name: 'Amount' }, value: 100000 } },
            ],
          },
        ],
      },
    });
    expect(saved.status).toBe(200);
    const configuration = (await call(emulator, 'GET', configurations, ADMIN)).json.record_locking_configurations[0];
    const bigDeals = configuration.locking_rules.find((r: { name: string }) => r.name === 'Big deals');
    expect(await readLock()).toMatchObject({ ...BOTH, Record_Locking_Rule_Id__s: bigDeals.id });
  });

  it.each([
    [
      'its rule is deleted',
      {
        locking_rules: [
          { id: SEED.rules.closedWonDeals, _delete: true },
          { name: 'Huge deals', criteria: { comparator: 'greater_than', field: { api_name: 'Amount' }, value: 10000000 } },
        ],
      },
    ],
    ['the configuration turns manual-only', { lock_type: 'manual' }],
  ])('stays locked by hand, as Manual, when %s', async (_case, change) => {
    await setStage('Closed Won');
    expect(await readLock()).toMatchObject(BOTH);
    const saved = await call(emulator, 'PUT', configurations, {
      ...ADMIN,
      body: { record_locking_configurations: [{ id: SEED.configurations.deals, ...change }] },
    });
    expect(saved.status).toBe(200);
    expect(await readLock()).toMatchObject(MANUAL);
  });

  it.each([
    ['PUT', 'edit the reason', { body: reasonBody('new reason') }, 'record is already locked'],
    ['DELETE', 'unlock', {}, 'Automatically locked records can not be unlocked manually'],
  ])('refuses %s (%s) with NOT_ALLOWED 403 and keeps the lock', async (method, _what, options, message) => {
    await setStage('Closed Won');
    const answer = await call(emulator, method, hooliLock, { token: '1000.demo.manager', ...options });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ code: 'NOT_ALLOWED', details: { resource_path_index: 1 }, message, status: 'error' });
    expect(await readLock()).toMatchObject(BOTH);
  });

  it('refuses a second lock with "record is already locked"', async () => {
    await setStage('Closed Won');
    expect(await readLock()).toMatchObject(BOTH);
    const answer = await call(emulator, 'POST', locks, { body: reasonBody('again') });
    expect(answer.status).toBe(403);
    expect(answer.json.message).toBe('record is already locked');
  });
});
