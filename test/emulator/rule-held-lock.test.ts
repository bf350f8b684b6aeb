import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

const NOW = new Date('2026-02-01T15:00:00Z');
const { deals } = SEED;
const ADMIN = { token: '1000.demo.admin' };
const configurations = '/settings/record_locking_configurations?module=Deals';
const FIELDS = 'Lock_Source__s,Locked_Reason__s,Locked_By__s,Locked_Time__s,Record_Locking_Rule_Id__s';
const CLOSED_WON = 'Closed Won';
const OPEN_STAGE = 'Negotiation/Review';

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => NOW });
});

const readLock = async (recordId: string) => {
  const answer = await call(emulator, 'GET', `/Deals/${recordId}/Locking_Information__s?fields=${FIELDS}`);
  return answer.status === 204 ? null : answer.json.data[0];
};

const changeConfiguration = async (item: Record<string, unknown>): Promise<void> => {
  const answer = await call(emulator, 'PUT', configurations, {
    ...ADMIN,
    body: { record_locking_configurations: [{ id: SEED.configurations.deals, ...item }] },
  });
  expect(answer.status).toBe(200);
};

/** Adds an "Amount greater than" rule (without locking existing records) and returns its id. */
const addAmountRule = async (name: string, above: number): Promise<string> => {
  await changeConfiguration({
    locking_rules: [{ name, criteria: { comparator: 'greater_than', field: { api_name: 'Amount' }, value: above } }],
  });
  const read = await call(emulator, 'GET', configurations, ADMIN);
  const rule = read.json.record_locking_configurations[0].locking_rules.find((r: { name: string }) => r.name === name);
  return rule.id;
};

const deleteClosedWonRule = () => changeConfiguration({ locking_rules: [{ id: SEED.rules.closedWonDeals, _delete: true }] });

/** The administrator is exempt from the Deals lock, so may change a locked deal. */
const changeDeal = async (recordId: string, fields: Record<string, unknown>): Promise<void> => {
  const answer = await call(emulator, 'PUT', `/Deals/${recordId}`, { ...ADMIN, body: { data: [fields] } });
  expect(answer.json.data[0].code).toBe('SUCCESS');
};

/** Initech is locked by the Closed Won rule; Hooli is locked by hand, and becomes "Both" once Closed Won. */
const LOCKED_BY_RULE = [
  ['an automatic lock', deals.initechClosedWon, 'Automatic'],
  ['a "Both" lock', deals.hooliPricing, 'Both'],
] as const;

const holdByClosedWon = async (recordId: string): Promise<void> => {
  if (recordId === deals.hooliPricing) await changeDeal(recordId, { Stage: CLOSED_WON });
  expect(await readLock(recordId)).toMatchObject({ Record_Locking_Rule_Id__s: SEED.rules.closedWonDeals });
};

describe('the rule named by a rule-held lock', () => {
  it.each(LOCKED_BY_RULE)(
    'moves %s to the rule that still matches when its own rule stops matching, keeping source, reason, locker and time',
    async (_what, recordId, source) => {
      await holdByClosedWon(recordId);
      const before = await readLock(recordId);
      const bigDeals = await addAmountRule('Big deals', 100000);
      await changeDeal(recordId, { Stage: OPEN_STAGE, Amount: 250000 });
      expect(await readLock(recordId)).toEqual({ ...before, Lock_Source__s: source, Record_Locking_Rule_Id__s: bigDeals });
    },
  );

  it.each(LOCKED_BY_RULE)(
    'keeps %s after its stale rule is deleted, since the rule it moved to still holds it',
    async (_what, recordId, source) => {
      await holdByClosedWon(recordId);
      const bigDeals = await addAmountRule('Big deals', 100000);
      await changeDeal(recordId, { Stage: OPEN_STAGE, Amount: 250000 });
      await deleteClosedWonRule();
      expect(await readLock(recordId)).toMatchObject({ Lock_Source__s: source, Record_Locking_Rule_Id__s: bigDeals });
    },
  );

  it.each(LOCKED_BY_RULE)(
    'moves %s to another matching rule when its own rule is deleted, keeping source, reason, locker and time',
    async (_what, recordId, source) => {
      await holdByClosedWon(recordId);
      const before = await readLock(recordId);
      const anyAmount = await addAmountRule('Any amount', 1000);
      await deleteClosedWonRule();
      expect(await readLock(recordId)).toEqual({ ...before, Lock_Source__s: source, Record_Locking_Rule_Id__s: anyAmount });
    },
  );

  it('keeps its rule while that rule still matches, even when another rule matches too', async () => {
    await addAmountRule('Big deals', 100000);
    await changeDeal(deals.initechClosedWon, { Amount: 250000 });
    expect(await readLock(deals.initechClosedWon)).toMatchObject({ Record_Locking_Rule_Id__s: SEED.rules.closedWonDeals });
  });

  it('stays on the rule it moved to when the record matches its first rule again', async () => {
    const bigDeals = await addAmountRule('Big deals', 100000);
    await changeDeal(deals.initechClosedWon, { Stage: OPEN_STAGE, Amount: 250000 });
    await changeDeal(deals.initechClosedWon, { Stage: CLOSED_WON });
    expect(await readLock(deals.initechClosedWon)).toMatchObject({ Record_Locking_Rule_Id__s: bigDeals });
  });

  it('releases an automatic lock whose rule is deleted when no other rule matches', async () => {
    await addAmountRule('Big deals', 100000);
    await deleteClosedWonRule();
    expect(await readLock(deals.initechClosedWon)).toBeNull();
  });
});
