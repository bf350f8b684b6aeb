import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';
import { byName, expectRefusal, zohoError, type Refusal } from './refusals';

const { deals } = SEED;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => new Date('2026-02-01T15:00:00Z') });
});

const search = (query: string, token?: string) => call(emulator, 'GET', `/Deals/search?${query}`, token === undefined ? {} : { token });
const criteria = (text: string, rest = '') => search(`criteria=${encodeURIComponent(text)}${rest}`);
const ids = (answer: { json: { data: { id: string }[] } | null }) => answer.json?.data.map((r) => r.id) ?? [];

describe('GET /{module}/search with criteria', () => {
  it('finds the locked deals by Locked__s, newest id first, with the asked fields and the info block', async () => {
    const answer = await criteria('(Locked__s:equals:true)', '&fields=Deal_Name,Locked__s');
    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual([
      expect.objectContaining({ id: deals.tyrellFormerLockerAndOwner, Locked__s: true }),
      expect.objectContaining({ id: deals.cyberdyneFormerLocker, Locked__s: true }),
      expect.objectContaining({ id: deals.hooliPricing, Deal_Name: 'Hooli enterprise pricing', Locked__s: true }),
      expect.objectContaining({ id: deals.umbrellaClosedWon, Locked__s: true }),
      expect.objectContaining({ id: deals.initechClosedWon, Locked__s: true }),
    ]);
    expect(Object.keys(answer.json.data[2]).filter((k) => !k.startsWith('$')).sort()).toEqual(['Deal_Name', 'Locked__s', 'id']);
    expect(answer.json.info).toEqual({ per_page: 200, count: 5, page: 1, sort_by: 'id', sort_order: 'desc', more_records: false });
  });

  it('finds the unlocked deals with not_equal', async () => {
    const answer = await criteria('(Locked__s:not_equal:true)');
    expect(ids(answer)).toHaveLength(5);
    expect(ids(answer)).not.toContain(deals.hooliPricing);
  });

  it.each([
    ['and of two conditions', '((Stage:equals:Closed Won)and(Locked__s:equals:true))', [deals.umbrellaClosedWon, deals.initechClosedWon]],
    ['or of two conditions', '((Deal_Name:starts_with:acme)or(Deal_Name:starts_with:Wayne))', [deals.wayneClosedLost, deals.acmeRenewal]],
    ['equals on text acting like contains', '(Deal_Name:equals:pricing)', [deals.hooliPricing]],
    ['equals on a picklist matching the whole value only', '(Stage:equals:Closed)', []],
    ['in on a picklist', '(Stage:in:Closed Won,Closed Lost)', [deals.wayneClosedLost, deals.umbrellaClosedWon, deals.initechClosedWon]],
    ['between on a currency', '(Amount:between:40000,60000)', [deals.starkImages, deals.acmeRenewal]],
    ['greater_than on a currency', '(Amount:greater_than:200000)', [deals.hooliPricing]],
    ['less_equal on a date', '(Closing_Date:less_equal:2025-12-19)', [deals.wayneClosedLost, deals.umbrellaClosedWon]],
    ['an owner by id', `(Owner:equals:${SEED.users.manager})`, [deals.cyberdyneFormerLocker, deals.starkImages, deals.umbrellaClosedWon, deals.globexExpansion]],
    ['nested brackets', '(((Stage:equals:Closed Won)or(Stage:equals:Closed Lost))and(Amount:greater_than:20000))', [deals.wayneClosedLost, deals.initechClosedWon]],
    ['spaces around and', '((Locked__s:equals:true) and (Amount:less_than:20000))', [deals.umbrellaClosedWon]],
  ])('matches %s', async (_name, text, expected) => {
    const answer = await criteria(text);
    expect(ids(answer)).toEqual(expected);
    expect(answer.status).toBe(expected.length === 0 ? 204 : 200);
  });

  it('reads escaped brackets, commas and backslashes in a value as plain text', async () => {
    await call(emulator, 'PUT', `/Deals/${deals.acmeRenewal}`, { body: { data: [{ Next_Step: 'Call (Bob), then C:\\' }] } });
    expect(ids(await criteria('(Next_Step:equals:Call \\(Bob\\)\\, then C:\\\\)'))).toEqual([deals.acmeRenewal]);
  });

  it('answers 204 with an empty body when nothing matches', async () => {
    const answer = await criteria('(Deal_Name:equals:Nobody)');
    expect({ status: answer.status, text: answer.text }).toEqual({ status: 204, text: '' });
  });

  it('pages with page and per_page, saying whether more records follow', async () => {
    const first = await criteria('(Locked__s:equals:false)', '&per_page=2&page=1');
    const third = await criteria('(Locked__s:equals:false)', '&per_page=2&page=3');
    expect(first.json.info).toMatchObject({ per_page: 2, count: 2, page: 1, more_records: true });
    expect(third.json.info).toMatchObject({ per_page: 2, count: 1, page: 3, more_records: false });
    expect((await criteria('(Locked__s:equals:false)', '&per_page=2&page=4')).status).toBe(204);
  });

  it('sorts by sort_by and sort_order when asked', async () => {
    const answer = await criteria('(Locked__s:equals:true)', '&sort_by=Amount&sort_order=asc');
    expect(ids(answer)).toEqual([
      deals.umbrellaClosedWon,
      deals.tyrellFormerLockerAndOwner,
      deals.cyberdyneFormerLocker,
      deals.initechClosedWon,
      deals.hooliPricing,
    ]);
    expect(answer.json.info).toMatchObject({ sort_by: 'Amount', sort_order: 'asc' });
  });

  it('tells the caller whether each record is locked for them in $locked_for_me', async () => {
    const asRep = await criteria('(Locked__s:equals:true)');
    const asAdmin = await search(`criteria=${encodeURIComponent('(Locked__s:equals:true)')}`, '1000.demo.admin');
    expect(asRep.json.data.map((r: { $locked_for_me: boolean }) => r.$locked_for_me)).toEqual([true, true, true, true, true]);
    expect(asAdmin.json.data.map((r: { $locked_for_me: boolean }) => r.$locked_for_me)).toEqual([false, false, false, false, false]);
  });

  it('searches by word and email as well as by criteria', async () => {
    expect(ids(await search('word=Globex'))).toEqual([deals.globexExpansion]);
    const leads = await call(emulator, 'GET', '/Leads/search?email=muster');
    expect(ids(leads)).toEqual([SEED.leads.maxMustermann]);
  });
});

const tooMany = Array.from({ length: 11 }, (_, i) => `(Amount:greater_than:${i})`).join('and');
const hundredAndOne = Array.from({ length: 101 }, (_, i) => `Deal ${i}`).join(',');
const q = (text: string) => `/Deals/search?criteria=${encodeURIComponent(text)}`;
const invalidQuery = (details: Record<string, unknown>) => zohoError('INVALID_QUERY', 'Invalid query formed', details);

const refusals: Refusal[] = [
  {
    name: 'EXPECTED_PARAM_MISSING without criteria, email, phone or word',
    method: 'GET',
    path: '/Deals/search?fields=Deal_Name',
    status: 400,
    json: zohoError('EXPECTED_PARAM_MISSING', 'mandatory param missing', { param_names: ['criteria', 'email', 'phone', 'word'] }),
  },
  {
    name: 'INVALID_QUERY for criteria that are not Field:operator:value in brackets',
    method: 'GET',
    path: q('Stage:equals:Closed Won'),
    status: 400,
    json: invalidQuery({ reason: 'expected "(" at position 0' }),
  },
  {
    name: 'INVALID_QUERY for an unclosed bracket',
    method: 'GET',
    path: q('((Stage:equals:Closed Won)'),
    status: 400,
    json: invalidQuery({ reason: 'expected ")" at position 26' }),
  },
  {
    name: 'INVALID_QUERY for and and or on one level without brackets',
    method: 'GET',
    path: q('(Stage:equals:Closed Won)and(Amount:greater_than:1)or(Amount:less_than:5)'),
    status: 400,
    json: invalidQuery({ reason: 'and and or on one level need brackets' }),
  },
  {
    name: 'INVALID_QUERY naming a field the module does not have',
    method: 'GET',
    path: q('(Colour:equals:red)'),
    status: 400,
    json: invalidQuery({ api_name: 'Colour', reason: 'the field is not available for search' }),
  },
  {
    name: 'INVALID_QUERY for an operator the field type does not take (Boolean: equals and not_equal only)',
    method: 'GET',
    path: q('(Locked__s:starts_with:t)'),
    status: 400,
    json: invalidQuery({ api_name: 'Locked__s', operator: 'starts_with', reason: 'invalid operator found' }),
  },
  {
    name: 'INVALID_QUERY for a Boolean value other than true or false',
    method: 'GET',
    path: q('(Locked__s:equals:yes)'),
    status: 400,
    json: invalidQuery({ api_name: 'Locked__s', expected_data_type: 'boolean', reason: 'invalid value given' }),
  },
  {
    name: 'INVALID_QUERY for between with one value',
    method: 'GET',
    path: q('(Amount:between:5)'),
    status: 400,
    json: invalidQuery({ api_name: 'Amount', operator: 'between', reason: 'wrong number of values for the operator' }),
  },
  {
    name: 'INVALID_QUERY for in with more than 100 values',
    method: 'GET',
    path: q(`(Deal_Name:in:${hundredAndOne})`),
    status: 400,
    json: zohoError('INVALID_QUERY', 'Only 100 values are allowed in "IN" criteria', { param_name: 'Deal_Name' }),
  },
  {
    name: 'CRITERIA_LIMIT_EXCEEDED for more than 10 conditions',
    method: 'GET',
    path: q(`(${tooMany})`),
    status: 400,
    json: zohoError('CRITERIA_LIMIT_EXCEEDED', 'no of criterium that can be given exceed the limit 10'),
  },
  {
    name: 'INVALID_DATA for a word shorter than two characters',
    method: 'GET',
    path: '/Deals/search?word=a',
    status: 400,
    json: zohoError(
      'INVALID_DATA',
      'The search value contains special characters or does not contain at least two characters',
      { param_name: 'word' },
    ),
  },
  {
    name: 'INVALID_DATA for per_page above 200',
    method: 'GET',
    path: `${q('(Locked__s:equals:true)')}&per_page=201`,
    status: 400,
    json: zohoError('INVALID_DATA', 'invalid data', { param_name: 'per_page', maximum_length: 200 }),
  },
  {
    name: 'LIMIT_REACHED for a page starting past the 2,000th record',
    method: 'GET',
    path: `${q('(Locked__s:equals:false)')}&per_page=200&page=11`,
    status: 400,
    json: zohoError('LIMIT_REACHED', 'maximum response iteration limit reached', { limit: '2000' }),
  },
  {
    name: 'NOT_SUPPORTED for the locking module itself',
    method: 'GET',
    path: '/Locking_Information__s/search?criteria=(Lock_Source__s:equals:Manual)',
    status: 400,
    json: zohoError('NOT_SUPPORTED', 'module not supported for search', { module: 'Locking_Information__s' }),
  },
  {
    name: 'INVALID_MODULE for a module the org does not have',
    method: 'GET',
    path: '/Widgets/search?criteria=(Name:equals:x)',
    status: 400,
    json: zohoError('INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 }),
  },
];

describe('GET /{module}/search refusals', () => {
  it.each(byName(refusals))('answers %s', async (_name, refusal) => {
    await expectRefusal(emulator, refusal);
  });

  it.each([
    ['the module READ scope is missing', ['ZohoSearch.securesearch.READ']],
    ['ZohoSearch.securesearch.READ is missing', ['ZohoCRM.modules.deals.READ']],
  ])('answers OAUTH_SCOPE_MISMATCH when %s', async (_name, scopes) => {
    const token = emulator.issueToken('rep@example.com', scopes);
    const answer = await search('criteria=(Locked__s:equals:true)', token);
    expect({ status: answer.status, json: answer.json }).toEqual({
      status: 401,
      json: zohoError('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'),
    });
  });

  it('answers with both scopes', async () => {
    const token = emulator.issueToken('rep@example.com', ['ZohoCRM.modules.deals.READ', 'ZohoSearch.securesearch.READ']);
    expect((await search('criteria=(Locked__s:equals:true)', token)).status).toBe(200);
  });
});
