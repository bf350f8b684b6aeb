import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

const { deals, users, tasks } = SEED;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => new Date('2026-02-01T15:00:00Z') });
});

const coql = (query: string, token = '1000.demo.rep') => call(emulator, 'POST', '/coql', { token, body: { select_query: query } });
const ids = async (query: string): Promise<string[]> => ((await coql(query)).json?.data ?? []).map((row: { id: string }) => row.id);

describe('COQL answers', () => {
  it('finds the open unlock requests of a record as the widget asks for them', async () => {
    const answer = await coql(
      `select id, Subject, Status, Owner, Description, Created_Time, Created_By, Closed_Time from Tasks where (What_Id = '${deals.hooliPricing}' and Subject like 'Unlock request%') order by Created_Time desc limit 50`,
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      data: [
        {
          id: tasks.hooliUnlockRequest,
          Subject: 'Unlock request: Hooli enterprise pricing',
          Status: 'Not Started',
          Owner: { id: users.rep },
          Description: expect.stringMatching(/\n\[record-lock:unlock-request\]$/),
          Created_Time: '2026-01-13T10:15:00-05:00',
          Created_By: { id: users.intern },
          Closed_Time: null,
        },
      ],
      info: { count: 1, more_records: false },
    });
  });

  it('answers 204 when nothing matches', async () => {
    const answer = await coql(`select id from Tasks where What_Id = '${deals.acmeRenewal}'`);
    expect(answer).toMatchObject({ status: 204, text: '' });
  });

  it('queries any module it serves, e.g. the locked deals', async () => {
    expect(await ids('select id, Deal_Name from Deals where Locked__s = true')).toEqual([
      deals.initechClosedWon,
      deals.umbrellaClosedWon,
      deals.hooliPricing,
      deals.cyberdyneFormerLocker,
      deals.tyrellFormerLockerAndOwner,
    ]);
    expect(await ids("select id from Deals where Locked__s = 'true'")).toHaveLength(5);
    expect(await ids('select id from Deals where Locked__s = false')).toHaveLength(5);
  });

  it.each([
    ["Stage = 'closed won'", [deals.initechClosedWon, deals.umbrellaClosedWon]],
    ["Stage != 'Closed Won' and Amount >= 100000", [deals.globexExpansion, deals.hooliPricing]],
    ['Amount < 20000', [deals.umbrellaClosedWon]],
    ["Closing_Date <= '2025-12-31'", [deals.umbrellaClosedWon, deals.wayneClosedLost]],
    ["Deal_Name like '%retro%'", [deals.wayneClosedLost]],
    ["Deal_Name not like '%e%'", []],
    ["Stage in ('Closed Won', 'Closed Lost')", [deals.initechClosedWon, deals.umbrellaClosedWon, deals.wayneClosedLost]],
    ["Stage not in ('Closed Won', 'Closed Lost', 'Qualification', 'Negotiation/Review')", [deals.hooliPricing, deals.starkImages]],
    ['Account_Name is not null', [deals.acmeRenewal, deals.globexExpansion, deals.initechClosedWon]],
    [`Account_Name is null and Owner = '${users.manager}'`, [deals.umbrellaClosedWon, deals.starkImages, deals.cyberdyneFormerLocker]],
    [`(Owner = '${users.manager}' or Amount > 200000) and Stage != 'Closed Won'`, [deals.globexExpansion, deals.hooliPricing, deals.starkImages, deals.cyberdyneFormerLocker]],
    ["Owner.email = 'manager@example.com'", [deals.globexExpansion, deals.umbrellaClosedWon, deals.starkImages, deals.cyberdyneFormerLocker]],
    ["Created_Time > '2026-01-01T00:00:00+00:00' and id = '" + deals.acmeRenewal + "'", [deals.acmeRenewal]],
  ])('where %s', async (where, expected) => {
    expect(await ids(`select id from Deals where ${where}`)).toEqual(expected);
  });

  it('orders by a column either way and pages with limit and offset', async () => {
    const byAmount = await ids('select id, Amount from Deals where id is not null order by Amount desc');
    expect(byAmount.slice(0, 2)).toEqual([deals.hooliPricing, deals.globexExpansion]);
    const page = await coql('select id from Deals where id is not null order by Amount desc limit 2 offset 1');
    expect(page.json.data.map((r: { id: string }) => r.id)).toEqual(byAmount.slice(1, 3));
    expect(page.json.info).toEqual({ count: 2, more_records: true });
    expect(await ids('select id from Deals where id is not null order by Amount desc limit 1, 2')).toEqual(byAmount.slice(1, 3));
    const last = await coql('select id from Deals where id is not null order by Amount desc limit 2 offset 8');
    expect(last.json.info).toEqual({ count: 2, more_records: false });
  });

  it('returns the selected columns and id only, a lookup as its id, a dotted user column by its name', async () => {
    const answer = await coql(`select Deal_Name, Owner, Owner.full_name from Deals where id = '${deals.acmeRenewal}'`);
    expect(answer.json.data).toEqual([{ Deal_Name: 'Acme renewal', Owner: { id: users.rep }, 'Owner.full_name': 'Rita Rep', id: deals.acmeRenewal }]);
  });

  it('keeps every matching row exactly once across pages (any limit)', async () => {
    const all = await ids('select id from Deals where id is not null');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 9 }), async (limit) => {
        const seen: string[] = [];
        for (let offset = 0; offset < all.length; offset += limit) {
          seen.push(...(await ids(`select id from Deals where id is not null limit ${limit} offset ${offset}`)));
        }
        expect(seen).toEqual(all);
      }),
      { numRuns: 9, seed: 11 },
    );
  });
});

describe('COQL errors', () => {
  it.each([
    ['no where clause', 'select id from Deals', 'SYNTAX_ERROR', { clause: 'where' }],
    ['no from clause', 'select id', 'SYNTAX_ERROR', { clause: 'from' }],
    ['a stray word', 'select id from Deals where Stage = ', 'SYNTAX_ERROR', { line: 1, column: 35, near: '' }],
    ['an unknown operator', "select id from Deals where Stage ~ 'x'", 'SYNTAX_ERROR', { near: "~ 'x'" }],
    ['an unclosed bracket', "select id from Deals where (Stage = 'x'", 'SYNTAX_ERROR', {}],
    ['an unclosed string', "select id from Deals where Stage = 'x", 'SYNTAX_ERROR', {}],
    ['select *', "select * from Deals where Stage = 'x'", 'SYNTAX_ERROR', { near: '*' }],
    ['a column the module lacks', "select id, Subject from Deals where Stage = 'x'", 'INVALID_QUERY', { column_name: 'Subject', clause: 'select' }],
    ['a where column the module lacks', "select id from Deals where Nope = 'x'", 'INVALID_QUERY', { column_name: 'Nope', clause: 'where' }],
    ['a dotted part a lookup lacks', "select id from Deals where Owner.salary = 'x'", 'INVALID_QUERY', { column_name: 'Owner.salary' }],
    ['a module it does not serve', "select id from Campaigns where id = '1'", 'INVALID_QUERY', { clause: 'from' }],
    ['a value of the wrong type', "select id from Deals where Amount > 'lots'", 'INVALID_QUERY', { column_name: 'Amount' }],
    ['a boolean that is neither', "select id from Deals where Locked__s = 'maybe'", 'INVALID_QUERY', { column_name: 'Locked__s' }],
    ['a lookup compared by order', `select id from Deals where Owner > '${users.rep}'`, 'INVALID_QUERY', { column_name: 'Owner' }],
    ['a limit over 2000', "select id from Deals where Stage = 'x' limit 2001", 'LIMIT_EXCEEDED', { clause: 'limit', limit: 2000 }],
    ['offset and limit past 100000 rows', "select id from Deals where Stage = 'x' limit 200 offset 99900", 'LIMIT_EXCEEDED', { limit: 100000 }],
    ['more than 25 criteria', `select id from Deals where ${Array.from({ length: 26 }, () => "Stage = 'x'").join(' or ')}`, 'LIMIT_EXCEEDED', { clause: 'where', limit: 25 }],
    ['more than 100 values in in()', `select id from Deals where Stage in (${Array.from({ length: 101 }, (_, i) => `'${i}'`).join(',')})`, 'LIMIT_EXCEEDED', { limit: 100 }],
    ['a column selected twice', "select id, Stage, Stage from Deals where Stage = 'x'", 'DUPLICATE_DATA', { column_name: 'Stage' }],
    ['a column ordered by twice', "select id from Deals where Stage = 'x' order by Amount, Amount", 'DUPLICATE_DATA', { clause: 'order by' }],
  ])('refuses %s', async (_what, query, code, details) => {
    const answer = await coql(query);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code, status: 'error', details });
  });

  it('answers MANDATORY_NOT_FOUND naming select_query when the body lacks it, as Zoho’s COQL file does', async () => {
    const answer = await call(emulator, 'POST', '/coql', { body: { query: 'select id from Deals' } });
    expect({ status: answer.status, json: answer.json }).toEqual({
      status: 400,
      json: { code: 'MANDATORY_NOT_FOUND', details: { api_name: 'select_query' }, message: 'required field not found', status: 'error' },
    });
  });

  it('answers INVALID_REQUEST_METHOD for GET', async () => {
    expect((await call(emulator, 'GET', '/coql')).json.code).toBe('INVALID_REQUEST_METHOD');
  });

  it.each([
    ['the module scope alone', ['ZohoCRM.modules.tasks.READ'], 401],
    ['the COQL scope alone', ['ZohoCRM.coql.READ'], 401],
    ['another module’s scope', ['ZohoCRM.coql.READ', 'ZohoCRM.modules.deals.READ'], 401],
    ['the COQL scope and the module’s READ', ['ZohoCRM.coql.READ', 'ZohoCRM.modules.tasks.READ'], 200],
  ])('needs ZohoCRM.coql.READ and the module’s READ scope: %s answers %i', async (_what, scopes, status) => {
    const token = emulator.issueToken('rep@example.com', scopes);
    expect((await coql(`select id from Tasks where What_Id = '${deals.hooliPricing}'`, token)).status).toBe(status);
  });

  it('lets only administrators query Notes', async () => {
    const query = `select id, Note_Content from Notes where Note_Title = 'Record Lock'`;
    expect((await coql(query, '1000.demo.admin')).json.info.count).toBe(4);
    expect((await coql(query, '1000.demo.rep')).json).toMatchObject({ code: 'NO_PERMISSION' });
  });
});
