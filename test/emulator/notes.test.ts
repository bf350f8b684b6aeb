import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

const { deals, users, notes } = SEED;
let clock = new Date('2026-02-01T15:00:00Z');
let emulator: Emulator;
beforeEach(() => {
  clock = new Date('2026-02-01T15:00:00Z');
  emulator = createEmulator({ now: () => clock });
});

const HOOLI_NOTES = `/Deals/${deals.hooliPricing}/Notes`;
const FIELDS = 'fields=Note_Title,Note_Content,Created_Time,Created_By,Parent_Id,Owner';
const note = (content: string, extra: Record<string, unknown> = {}) => ({
  Parent_Id: { module: { api_name: 'Deals' }, id: deals.hooliPricing },
  Note_Title: 'Record Lock',
  Note_Content: content,
  ...extra,
});
const add = (items: Record<string, unknown>[], path = HOOLI_NOTES, token = '1000.demo.rep') =>
  call(emulator, 'POST', path, { token, body: { data: items } });

describe('GET /{module}/{id}/Notes', () => {
  it('lists the seeded lock history oldest first, with the asked fields, names and the info block', async () => {
    const answer = await call(emulator, 'GET', `${HOOLI_NOTES}?${FIELDS}`);
    expect(answer.status).toBe(200);
    expect(answer.json.data.map((n: { id: string }) => n.id)).toEqual([
      notes.hooliManagerLocked,
      notes.hooliManagerUnlocked,
      notes.hooliRepLocked,
      notes.hooliInternAsked,
    ]);
    expect(answer.json.data[2]).toMatchObject({
      Note_Title: 'Record Lock',
      Note_Content: 'Rita Rep locked this record. Reason: Pricing under legal review',
      Created_Time: '2026-01-12T14:30:00-05:00',
      Created_By: { name: 'Rita Rep', id: users.rep, email: 'rep@example.com' },
      Owner: { name: 'Rita Rep', id: users.rep },
      Parent_Id: { module: { api_name: 'Deals' }, name: 'Hooli enterprise pricing', id: deals.hooliPricing },
    });
    // The related-notes OpenAPI file allows no sort keys in info.
    expect(answer.json.info).toEqual({
      per_page: 200,
      count: 4,
      page: 1,
      more_records: false,
      next_page_token: null,
      previous_page_token: null,
      page_token_expiry: null,
    });
  });

  it('pages newest first with sort_order=desc', async () => {
    const page = (n: number) => call(emulator, 'GET', `${HOOLI_NOTES}?fields=Note_Content&sort_by=Created_Time&sort_order=desc&per_page=3&page=${n}`);
    const first = await page(1);
    expect(first.json.data.map((n: { id: string }) => n.id)).toEqual([notes.hooliInternAsked, notes.hooliRepLocked, notes.hooliManagerUnlocked]);
    expect(first.json.info).toMatchObject({ per_page: 3, count: 3, page: 1, more_records: true });
    const second = await page(2);
    expect(second.json.data.map((n: { id: string }) => n.id)).toEqual([notes.hooliManagerLocked]);
    expect(second.json.info.more_records).toBe(false);
    expect((await page(3)).status).toBe(204);
  });

  it('returns only the asked fields besides id and the $ keys', async () => {
    const answer = await call(emulator, 'GET', `${HOOLI_NOTES}?fields=Note_Content&per_page=1`);
    expect(Object.keys(answer.json.data[0]).filter((k) => !k.startsWith('$'))).toEqual(['Note_Content', 'id']);
  });

  it('answers 204 for a record without notes', async () => {
    expect((await call(emulator, 'GET', `/Deals/${deals.acmeRenewal}/Notes?fields=Note_Content`)).status).toBe(204);
  });

  it.each([
    ['without fields', `${HOOLI_NOTES}`, 'REQUIRED_PARAM_MISSING'],
    ['with per_page over 200', `${HOOLI_NOTES}?fields=Note_Content&per_page=201`, 'INVALID_DATA'],
    ['with an unknown sort_by', `${HOOLI_NOTES}?fields=Note_Content&sort_by=Note_Title`, 'INVALID_DATA'],
    ['for a record that does not exist', `/Deals/5843104000000999999/Notes?fields=Note_Content`, 'INVALID_DATA'],
  ])('refuses a read %s', async (_what, path, code) => {
    const answer = await call(emulator, 'GET', path);
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe(code);
  });

  it.each([
    ['the notes scope alone', ['ZohoCRM.modules.notes.READ'], 401],
    ['the module scope alone', ['ZohoCRM.modules.deals.READ'], 401],
    ['both READ scopes', ['ZohoCRM.modules.deals.READ', 'ZohoCRM.modules.notes.READ'], 200],
  ])('needs the module scope and the notes scope: %s answers %i', async (_what, scopes, status) => {
    const token = emulator.issueToken('rep@example.com', scopes);
    expect((await call(emulator, 'GET', `${HOOLI_NOTES}?fields=Note_Content`, { token })).status).toBe(status);
  });
});

describe('POST notes', () => {
  it('adds a note to the record and lists it last, as its creator', async () => {
    const created = await add([note('Rita Rep unlocked this record.')]);
    expect(created.status).toBe(201);
    expect(created.json.data[0]).toMatchObject({
      code: 'SUCCESS',
      message: 'record added',
      status: 'success',
      details: { Created_Time: '2026-02-01T10:00:00-05:00', Created_By: { name: 'Rita Rep', id: users.rep } },
    });
    const listed = await call(emulator, 'GET', `${HOOLI_NOTES}?${FIELDS}`);
    expect(listed.json.data.at(-1)).toMatchObject({ id: created.json.data[0].details.id, Note_Content: 'Rita Rep unlocked this record.' });
  });

  it('adds through POST /Notes, the parent named in the body', async () => {
    const created = await add([note('From the notes module.')], '/Notes');
    expect(created.status).toBe(201);
    const listed = await call(emulator, 'GET', `${HOOLI_NOTES}?fields=Note_Content&sort_order=desc&per_page=1`);
    expect(listed.json.data[0].Note_Content).toBe('From the notes module.');
  });

  it('keeps markup in a note as text', async () => {
    const text = '<script>alert(1)</script>';
    await add([note(text)]);
    const listed = await call(emulator, 'GET', `${HOOLI_NOTES}?fields=Note_Content&sort_order=desc&per_page=1`);
    expect(listed.json.data[0].Note_Content).toBe(text);
  });

  it('answers 207 when some notes of a body are refused', async () => {
    const answer = await add([note('fine'), note('')]);
    expect(answer.status).toBe(207);
    expect(answer.json.data.map((d: { status: string }) => d.status)).toEqual(['success', 'error']);
  });

  it.each([
    ['no content', { Note_Content: undefined }, 'MANDATORY_NOT_FOUND', { api_name: 'Note_Content' }],
    ['a title over 120 characters', { Note_Title: 'x'.repeat(121) }, 'INVALID_DATA', { api_name: 'Note_Title', maximum_length: 120 }],
    ['content over 65535 characters', { Note_Content: 'x'.repeat(65536) }, 'INVALID_DATA', { api_name: 'Note_Content', maximum_length: 65535 }],
    ['a parent other than the URL’s record', { Parent_Id: { module: { api_name: 'Deals' }, id: deals.acmeRenewal } }, 'INVALID_DATA', { api_name: 'Parent_Id' }],
  ])('refuses a note with %s', async (_what, change, code, details) => {
    const answer = await add([{ ...note('text'), ...change }]);
    expect(answer.status).toBe(400);
    expect(answer.json.data[0]).toMatchObject({ code, details });
  });

  it('refuses POST /Notes without a parent, or with a parent that does not exist', async () => {
    const without = await add([{ Note_Content: 'x' }], '/Notes');
    expect(without.json.data[0]).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Parent_Id' } });
    const missing = await add([note('x', { Parent_Id: { module: { api_name: 'Deals' }, id: '5843104000000999999' } })], '/Notes');
    expect(missing.json.data[0]).toMatchObject({ code: 'INVALID_DATA', message: 'the related id given seems to be invalid' });
  });

  it.each([
    ['the notes scope alone', ['ZohoCRM.modules.notes.CREATE'], 401],
    ['the module scope alone', ['ZohoCRM.modules.deals.CREATE'], 401],
    ['both CREATE scopes', ['ZohoCRM.modules.deals.CREATE', 'ZohoCRM.modules.notes.CREATE'], 201],
  ])('needs the module scope and the notes scope to add: %s answers %i', async (_what, scopes, status) => {
    const token = emulator.issueToken('rep@example.com', scopes);
    expect((await add([note('x')], HOOLI_NOTES, token)).status).toBe(status);
    expect((await add([note('x')], '/Notes', token)).status).toBe(status);
  });
});

describe('GET /Notes', () => {
  it('lists every note for an administrator', async () => {
    const answer = await call(emulator, 'GET', '/Notes?fields=Note_Content', { token: '1000.demo.admin' });
    expect(answer.json.info.count).toBe(4);
  });

  it('refuses anyone else with NO_PERMISSION', async () => {
    const answer = await call(emulator, 'GET', '/Notes?fields=Note_Content', { token: '1000.demo.manager' });
    expect(answer).toMatchObject({ status: 403, json: { code: 'NO_PERMISSION', message: 'Permission denied to read notes details' } });
  });
});
