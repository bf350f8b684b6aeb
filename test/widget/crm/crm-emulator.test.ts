import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { createCrm, type Crm } from '../../support/all-calls';
import { CrmError } from '../../../widget/crm/crm-error';
import { demoIdentity, type DemoUserKey } from '../../support/demo-users';
import { createMemoryHost, type MemoryHost } from '../../support/memory-host';

/**
 * The CRM layer against the emulator's real answers, through the memory host: the contract
 * between what crm/ sends and reads and what Zoho (as emulated) answers.
 */
let emulator: Emulator;

beforeEach(() => {
  emulator = createEmulator();
});

function crmAs(key: DemoUserKey, tokens: Partial<Record<'user' | 'org', string>> = {}): { crm: Crm; host: MemoryHost } {
  const identity = demoIdentity(key);
  const host = createMemoryHost({
    handle: emulator.handle,
    page: { module: 'Deals', recordId: SEED.deals.acmeRenewal },
    user: identity.user,
    tokens: { ...identity.tokens, ...tokens },
  });
  return { crm: createCrm({ host, apiDomain: 'https://www.zohoapis.com' }), host };
}

const deal = (recordId: string) => ({ module: 'Deals', recordId });
const rejectsWith = (code: string) => expect.objectContaining({ name: 'CrmError', code });

describe('Crm against the emulator: reading locks', () => {
  it('reads a manual lock with its reason and the person who set it', async () => {
    const { crm } = crmAs('rep');
    await expect(crm.getLock(deal(SEED.deals.hooliPricing))).resolves.toMatchObject({
      id: SEED.locks.hooliPricing,
      reason: 'Pricing under legal review',
      source: 'Manual',
      lockedBy: { id: SEED.users.rep, name: 'Rita Rep' },
      ruleId: null,
    });
  });

  it('reads an automatic lock with its rule and no person', async () => {
    const { crm } = crmAs('rep');
    await expect(crm.getLock(deal(SEED.deals.initechClosedWon))).resolves.toMatchObject({
      id: SEED.locks.initechClosedWon,
      reason: null,
      source: 'Automatic',
      lockedBy: null,
      ruleId: SEED.rules.closedWonDeals,
    });
  });

  it('reads an unlocked record as null', async () => {
    await expect(crmAs('rep').crm.getLock(deal(SEED.deals.acmeRenewal))).resolves.toBeNull();
  });

  it('reports a module without configuration as NOT_ALLOWED', async () => {
    const { crm } = crmAs('rep');
    await expect(crm.getLock({ module: 'Contacts', recordId: SEED.contacts.aliceSmith })).rejects.toEqual(rejectsWith('NOT_ALLOWED'));
  });
});

describe('Crm against the emulator: changing locks', () => {
  it('locks a record and builds the same lock a re-read shows', async () => {
    const { crm } = crmAs('rep');
    const { lock: created } = await crm.lock(deal(SEED.deals.acmeRenewal), 'Contract under review');
    const read = await crm.getLock(deal(SEED.deals.acmeRenewal));
    expect(read).toMatchObject({ ...created, editable: expect.any(Boolean) });
    expect(created).toMatchObject({ reason: 'Contract under review', source: 'Manual', lockedBy: { id: SEED.users.rep } });
  });

  it('replaces the reason of a manual lock', async () => {
    const { crm } = crmAs('rep');
    await crm.updateReason(deal(SEED.deals.hooliPricing), SEED.locks.hooliPricing, 'Legal done, waiting for finance');
    await expect(crm.getLock(deal(SEED.deals.hooliPricing))).resolves.toMatchObject({ reason: 'Legal done, waiting for finance' });
  });

  it('unlocks a manual lock', async () => {
    const { crm } = crmAs('manager');
    await crm.unlock(deal(SEED.deals.hooliPricing), SEED.locks.hooliPricing);
    await expect(crm.getLock(deal(SEED.deals.hooliPricing))).resolves.toBeNull();
  });

  it.each<[string, DemoUserKey, (crm: Crm) => Promise<unknown>, string]>([
    ['locking a locked record', 'rep', (crm) => crm.lock(deal(SEED.deals.hooliPricing), 'Again'), 'NOT_ALLOWED'],
    ['unlocking an automatic lock', 'manager', (crm) => crm.unlock(deal(SEED.deals.initechClosedWon), SEED.locks.initechClosedWon), 'NOT_ALLOWED'],
    ['editing an automatic lock', 'manager', (crm) => crm.updateReason(deal(SEED.deals.initechClosedWon), SEED.locks.initechClosedWon, 'x'), 'NOT_ALLOWED'],
    ['locking without the Lock permission', 'intern', (crm) => crm.lock(deal(SEED.deals.acmeRenewal), 'Mine'), 'NO_PERMISSION'],
    ['locking with a blank reason', 'rep', (crm) => crm.lock(deal(SEED.deals.acmeRenewal), '   '), 'MANDATORY_NOT_FOUND'],
    ['unlocking a lock that is gone', 'rep', (crm) => crm.unlock(deal(SEED.deals.acmeRenewal), SEED.locks.hooliPricing), 'INVALID_DATA'],
    ['locking a record Zia is processing', 'rep', (crm) => crm.lock(deal(SEED.deals.starkImages), 'Survey'), 'RECORD_LOCKED'],
    ['locking a record awaiting approval', 'rep', (crm) => crm.lock(deal(SEED.deals.soylentApproval), 'Discount'), 'NOT_APPROVED'],
  ])('refuses %s', async (_case, user, call, code) => {
    await expect(call(crmAs(user).crm)).rejects.toEqual(rejectsWith(code));
  });

  it('reports Zia processing with the action in the details', async () => {
    const failure = crmAs('rep').crm.lock(deal(SEED.deals.starkImages), 'Survey');
    await expect(failure).rejects.toBeInstanceOf(CrmError);
    await expect(failure).rejects.toMatchObject({ details: { action: 'zia_vision_processing' } });
  });
});

describe('Crm against the emulator: settings over the org connection', () => {
  it('reads the Deals configuration', async () => {
    await expect(crmAs('rep').crm.getLockingConfiguration('Deals')).resolves.toMatchObject({
      id: SEED.configurations.deals,
      lockType: 'both',
      lockedFor: 'all_profiles_except_excluded_profiles',
      excludedProfiles: [{ id: SEED.profiles.administrator, name: 'Administrator' }],
      rules: [{ id: SEED.rules.closedWonDeals, name: 'Closed Won deals' }],
      restrictedActions: expect.arrayContaining(['update', 'delete']),
    });
  });

  it('reads a module without configuration as null', async () => {
    await expect(crmAs('rep').crm.getLockingConfiguration('Contacts')).resolves.toBeNull();
  });

  it('is refused the configuration when the org connection carries a token without Customize rights', async () => {
    const { crm } = crmAs('rep', { org: '1000.demo.rep' });
    await expect(crm.getLockingConfiguration('Deals')).rejects.toEqual(rejectsWith('NO_PERMISSION'));
  });

  it.each<[DemoUserKey, string]>([
    ['rep', 'granted'],
    ['manager', 'granted'],
    ['intern', 'denied'],
  ])('finds the Lock permission of the %s profile %s', async (user, expected) => {
    const { crm } = crmAs(user);
    await expect(crm.getLockPermission(demoIdentity(user).user.profile.id, 'Deals')).resolves.toBe(expected);
  });

  it('reads the reason length from the field metadata', async () => {
    await expect(crmAs('rep').crm.getReasonMaxLength()).resolves.toBe(3000);
  });
});

describe('Crm against the emulator: records', () => {
  it.each([
    [deal(SEED.deals.hooliPricing), { hold: 'none', name: 'Hooli enterprise pricing' }],
    [deal(SEED.deals.soylentApproval), { hold: 'awaiting_approval', name: 'Soylent discount' }],
    [{ module: 'Leads', recordId: SEED.leads.janeDoe }, { hold: 'none', name: expect.any(String) }],
    [{ module: 'Accounts', recordId: SEED.accounts.acme }, { hold: 'none', name: 'Acme Corp' }],
    [{ module: 'Contacts', recordId: SEED.contacts.aliceSmith }, { hold: 'none', name: expect.any(String) }],
  ])('reads %j with its hold, name and owner', async (record, expected) => {
    const owner = { id: expect.stringMatching(/^\d+$/) as string, name: expect.any(String) as string };
    await expect(crmAs('rep').crm.getRecord(record)).resolves.toEqual({ id: record.recordId, ...expected, owner });
  });
});

describe('Crm against the emulator: calls per view', () => {
  it('reads a lock with one call through the user connection', async () => {
    const { crm, host } = crmAs('rep');
    await crm.getLock(deal(SEED.deals.hooliPricing));
    expect(host.calls.map(({ connection, method }) => `${connection} ${method}`)).toEqual(['user GET']);
  });
});
