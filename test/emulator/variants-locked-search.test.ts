import { describe, expect, it } from 'vitest';
import { createEmulator, SEED } from '../../server/emulator';
import { call } from './call';
import { zohoError } from './refusals';
import { VARIANT_MODES, type VariantOrg } from './variant-modes';

const { deals } = SEED;
const START = Date.parse('2026-02-01T15:00:00Z');
const SEARCH_LOCKED = `/Deals/search?criteria=${encodeURIComponent('(Locked__s:equals:true)')}&fields=Deal_Name`;
const COQL_LOCKED = { select_query: 'select id, Deal_Name from Deals where Locked__s = true' };
const LOCK_BODY = { data: [{ Locked_Reason__s: 'Waiting for the signed contract' }] };

const foundBySearch = async (org: VariantOrg, recordId: string): Promise<boolean> =>
  ((await org.ask('GET', SEARCH_LOCKED)).json?.data ?? []).some((r: { id: string }) => r.id === recordId);
const foundByCoql = async (org: VariantOrg, recordId: string): Promise<boolean> =>
  ((await org.ask('POST', '/coql', { body: COQL_LOCKED })).json?.data ?? []).some((r: { id: string }) => r.id === recordId);

describe.each(VARIANT_MODES)('Locked__s variants switched on by %s', (_mode, on) => {
  it('locked-search-refused: a search naming Locked__s answers INVALID_QUERY; COQL and other searches still work', async () => {
    const org = on(['locked-search-refused']);
    const answer = await org.ask('GET', SEARCH_LOCKED);
    expect({ status: answer.status, json: answer.json }).toEqual({
      status: 400,
      json: zohoError('INVALID_QUERY', 'Invalid query formed', { api_name: 'Locked__s', reason: 'the field is not available for search' }),
    });
    expect(await foundByCoql(org, deals.hooliPricing)).toBe(true);
    expect((await org.ask('GET', `/Deals/search?criteria=${encodeURIComponent('(Stage:equals:Closed Won)')}`)).status).toBe(200);
  });

  it.each([
    ['where', 'select id from Deals where Locked__s = true'],
    ['select', "select id, Locked__s from Deals where Stage = 'Closed Won'"],
    ['order by', "select id from Deals where Stage = 'Closed Won' order by Locked__s desc"],
  ])('locked-coql-refused: a query naming Locked__s in its %s clause answers INVALID_QUERY for the column', async (clause, query) => {
    const org = on(['locked-coql-refused']);
    const answer = await org.ask('POST', '/coql', { body: { select_query: query } });
    expect({ status: answer.status, json: answer.json }).toEqual({
      status: 400,
      json: zohoError('INVALID_QUERY', 'column given seems to be invalid', { column_name: 'Locked__s', clause }),
    });
    expect(await foundBySearch(org, deals.hooliPricing)).toBe(true);
  });

  it('locked-search-unindexed: a search on Locked__s answers 204 though deals are locked; COQL finds them', async () => {
    const org = on(['locked-search-unindexed']);
    const answer = await org.ask('GET', SEARCH_LOCKED);
    expect({ status: answer.status, text: answer.text }).toEqual({ status: 204, text: '' });
    expect(await foundByCoql(org, deals.hooliPricing)).toBe(true);
    const other = await org.ask('GET', `/Deals/search?criteria=${encodeURIComponent('(Stage:equals:Closed Won)')}`);
    expect(other.status).toBe(200);
  });

  it('locked-search-lag: search sees a lock and an unlock only 30 seconds later; COQL and the record at once', async () => {
    let clock = START;
    const org = on(['locked-search-lag'], { now: () => new Date(clock) });
    const lock = await org.ask('POST', `/Deals/${deals.acmeRenewal}/Locking_Information__s`, { body: LOCK_BODY });
    const seen = async () => ({
      search: await foundBySearch(org, deals.acmeRenewal),
      coql: await foundByCoql(org, deals.acmeRenewal),
      record: (await org.ask('GET', `/Deals/${deals.acmeRenewal}`)).json.data[0].Locked__s,
    });
    expect(await seen()).toEqual({ search: false, coql: true, record: true });
    clock = START + 29_999;
    expect((await seen()).search).toBe(false);
    clock = START + 30_000;
    expect(await seen()).toEqual({ search: true, coql: true, record: true });

    await org.ask('DELETE', `/Deals/${deals.acmeRenewal}/Locking_Information__s/${lock.json.data[0].details.id}`);
    expect(await seen()).toEqual({ search: true, coql: false, record: false });
    clock = START + 60_000;
    expect(await seen()).toEqual({ search: false, coql: false, record: false });
  });

  it('locked-search-lag: follows a rule’s lock as late as a manual one, and the lag is the searchLagSeconds option', async () => {
    let clock = START;
    const org = on(['locked-search-lag'], { now: () => new Date(clock), searchLagSeconds: 5 });
    await org.ask('PUT', `/Deals/${deals.globexExpansion}`, { token: '1000.demo.admin', body: { data: [{ Stage: 'Closed Won' }] } });
    expect(await foundBySearch(org, deals.globexExpansion)).toBe(false);
    clock = START + 5_000;
    expect(await foundBySearch(org, deals.globexExpansion)).toBe(true);
  });
});

describe('Locked__s in search and COQL with no variant', () => {
  it('is found at once by both', async () => {
    const emulator = createEmulator({ now: () => new Date(START) });
    await call(emulator, 'POST', `/Deals/${deals.acmeRenewal}/Locking_Information__s`, { body: LOCK_BODY });
    const org: VariantOrg = { emulator, ask: (method, path, options) => call(emulator, method, path, options) };
    expect({ search: await foundBySearch(org, deals.acmeRenewal), coql: await foundByCoql(org, deals.acmeRenewal) }).toEqual({
      search: true,
      coql: true,
    });
  });
});
