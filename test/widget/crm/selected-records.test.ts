import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { SELECTED_READ_MAX, selectedRecordCalls } from '../../../widget/crm/selected-records';
import { SELECTION_MAX } from '../../../widget/model/list-selection';
import { demoIdentity } from '../../support/demo-users';
import { createMemoryHost } from '../../support/memory-host';

/** The list view button's one read of its selection, against the emulator's COQL. */
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ seed: 'large' });
});

const apiDomain = 'https://www.zohoapis.com';
function hostAs(key: 'manager' | 'rep') {
  const identity = demoIdentity(key);
  return createMemoryHost({ handle: emulator.handle, page: { module: 'Deals', recordId: '0' }, user: identity.user, tokens: identity.tokens });
}
const queryOf = (body: unknown) => (body as { select_query: string }).select_query;
/** Ids of the large org's generated deals (…500001 onwards). */
const largeDeals = (count: number) => Array.from({ length: count }, (_, i) => `5843104000000${String(500001 + i)}`);

describe('readSelected', () => {
  it('names the selected records in the list’s order, in one COQL call over the user’s connection', async () => {
    const host = hostAs('manager');
    const records = await selectedRecordCalls({ host, apiDomain }).readSelected('Deals', [SEED.deals.hooliPricing, SEED.deals.acmeRenewal]);
    expect(records).toEqual([
      { id: SEED.deals.hooliPricing, name: 'Hooli enterprise pricing' },
      { id: SEED.deals.acmeRenewal, name: 'Acme renewal' },
    ]);
    expect(host.calls).toHaveLength(1);
    expect(host.calls[0]).toMatchObject({ connection: 'user', method: 'POST', url: `${apiDomain}/crm/v8/coql` });
  });

  it('leaves out an id of another module and one that names no record', async () => {
    const records = await selectedRecordCalls({ host: hostAs('rep'), apiDomain }).readSelected('Deals', [
      SEED.contacts.aliceSmith,
      '5843104000000999999',
      SEED.deals.globexExpansion,
    ]);
    expect(records.map((record) => record.id)).toEqual([SEED.deals.globexExpansion]);
  });

  it('reads nothing when Zoho finds none of them', async () => {
    await expect(selectedRecordCalls({ host: hostAs('rep'), apiDomain }).readSelected('Deals', ['5843104000000999999'])).resolves.toEqual([]);
  });

  it('reads a whole selection in one call, fifty ids to an `in` so that either of Zoho’s limits holds', async () => {
    const host = hostAs('manager');
    const ids = largeDeals(SELECTED_READ_MAX);
    const records = await selectedRecordCalls({ host, apiDomain }).readSelected('Deals', ids);
    expect(records.map((record) => record.id)).toEqual(ids);
    expect(host.calls).toHaveLength(1);
    const query = queryOf(host.calls[0]?.body);
    expect(query.match(/ in \(/g)).toHaveLength(2);
    expect(query.match(/'\d+'/g)).toHaveLength(SELECTED_READ_MAX);
  });

  it('covers the most a run takes, and refuses more without a call', async () => {
    expect(SELECTION_MAX).toBeLessThanOrEqual(SELECTED_READ_MAX);
    const host = hostAs('manager');
    await expect(selectedRecordCalls({ host, apiDomain }).readSelected('Deals', largeDeals(SELECTED_READ_MAX + 1))).rejects.toThrow();
    await expect(selectedRecordCalls({ host, apiDomain }).readSelected('Deals', [])).resolves.toEqual([]);
    expect(host.calls).toEqual([]);
  });

  it('never lets an id or a module that is not one reach the query', async () => {
    const host = hostAs('manager');
    await expect(selectedRecordCalls({ host, apiDomain }).readSelected('Deals', ["1') or (id != '0"])).rejects.toThrow('Not a Zoho id');
    await expect(selectedRecordCalls({ host, apiDomain }).readSelected('Deals where', ['1'])).rejects.toThrow('Not a module API name');
    expect(host.calls).toEqual([]);
  });
});
