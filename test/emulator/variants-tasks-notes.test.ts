import { describe, expect, it } from 'vitest';
import { createEmulator, SEED } from '../../server/emulator';
import { call } from './call';
import { VARIANT_MODES } from './variant-modes';

const { deals, users, tasks, notes } = SEED;
const NOW = new Date('2026-02-01T15:00:00Z');
const ADMIN = '1000.demo.admin';
const newTask = (extra: Record<string, unknown>) => ({
  Subject: 'Unlock request: Acme renewal',
  Owner: { id: users.rep },
  What_Id: { id: deals.acmeRenewal },
  $se_module: 'Deals',
  ...extra,
});
type Picklist = { display_value: string; actual_value: string }[];
const picklistsOf = (fields: { api_name: string; pick_list_values?: Picklist }[]) =>
  Object.fromEntries(
    ['Status', 'Priority'].map((name) => [
      name,
      fields.find((f) => f.api_name === name)?.pick_list_values?.map((v) => [v.display_value, v.actual_value]),
    ]),
  );

describe.each(VARIANT_MODES)('task-picklists and notes-unsorted switched on by %s', (_mode, on) => {
  it('task-picklists: /settings/fields?module=Tasks lists the org’s own Status and Priority values', async () => {
    const org = on(['task-picklists'], { now: () => NOW });
    const answer = await org.ask('GET', '/settings/fields?module=Tasks', { token: ADMIN });
    expect(answer.status).toBe(200);
    expect(picklistsOf(answer.json.fields)).toEqual({
      Status: [
        ['Open', 'Not Started'],
        ['In Progress', 'In Progress'],
        ['Waiting on customer', 'Waiting for input'],
        ['Done', 'Completed'],
        ['Cancelled', 'Cancelled'],
      ],
      Priority: [
        ['Urgent', 'Highest'],
        ['Important', 'High'],
        ['Normal', 'Normal'],
        ['Low', 'Low'],
      ],
    });
  });

  it.each([
    ['Status', 'Completed', ['Open', 'In Progress', 'Waiting on customer', 'Done', 'Cancelled']],
    ['Status', 'Not Started', ['Open', 'In Progress', 'Waiting on customer', 'Done', 'Cancelled']],
    ['Priority', 'High', ['Urgent', 'Important', 'Normal', 'Low']],
  ])('task-picklists: refuses %s "%s", a value the org lacks, with INVALID_DATA', async (field, value, supported) => {
    const org = on(['task-picklists'], { now: () => NOW });
    const answer = await org.ask('POST', '/Tasks', { body: { data: [newTask({ [field]: value })] } });
    expect({ status: answer.status, json: answer.json }).toEqual({
      status: 400,
      json: {
        data: [
          {
            code: 'INVALID_DATA',
            details: { api_name: field, json_path: `$.data[0].${field}`, expected_data_type: 'picklist', supported_values: supported },
            message: 'invalid data',
            status: 'error',
          },
        ],
      },
    });
  });

  it('task-picklists: a task set "Done" (the renamed Completed) is closed; "Cancelled" does not close it', async () => {
    const org = on(['task-picklists'], { now: () => NOW });
    const created = await org.ask('POST', '/Tasks', { body: { data: [newTask({ Priority: 'Important' })] } });
    const id = created.json.data[0].details.id;
    const read = async () => (await org.ask('GET', `/Tasks/${id}`)).json.data[0];
    expect(await read()).toMatchObject({ Status: 'Open', Priority: 'Important' });
    await org.ask('PUT', `/Tasks/${id}`, { body: { data: [{ Status: 'Cancelled' }] } });
    expect((await read()).Closed_Time).toBeNull();
    const done = await org.ask('PUT', `/Tasks/${id}`, { body: { data: [{ Status: 'Done' }] } });
    expect(done.status).toBe(200);
    expect(await read()).toMatchObject({ Status: 'Done', Closed_Time: '2026-02-01T10:00:00-05:00' });
    const history = await org.ask('GET', `/Deals/${deals.acmeRenewal}/Tasks_History?fields=Subject,Status`);
    expect(history.json.data.map((t: { id: string; Status: string }) => [t.id, t.Status])).toEqual([[id, 'Done']]);
  });

  it('task-picklists: the seeded request shows the org’s names for its values, in reads and COQL', async () => {
    const org = on(['task-picklists'], { now: () => NOW });
    expect((await org.ask('GET', `/Tasks/${tasks.hooliUnlockRequest}`)).json.data[0]).toMatchObject({ Status: 'Open', Priority: 'Important' });
    const query = `select id, Status from Tasks where What_Id = '${deals.hooliPricing}' and Status != 'Done'`;
    const coql = await org.ask('POST', '/coql', { body: { select_query: query } });
    expect(coql.json.data).toEqual([{ id: tasks.hooliUnlockRequest, Status: 'Open' }]);
  });

  it('notes-unsorted: a record’s notes come oldest first whatever sort_by and sort_order say', async () => {
    const org = on(['notes-unsorted'], { now: () => NOW });
    const notesPath = `/Deals/${deals.hooliPricing}/Notes?fields=Note_Content`;
    const ids = async (query: string) => (await org.ask('GET', `${notesPath}${query}`)).json.data.map((n: { id: string }) => n.id);
    const oldestFirst = await ids('');
    expect(oldestFirst[0]).toBe(notes.hooliManagerLocked);
    expect(await ids('&sort_by=Created_Time&sort_order=desc')).toEqual(oldestFirst);
    expect(await ids('&sort_by=Note_Title&sort_order=sideways')).toEqual(oldestFirst);
  });
});

describe('the default org’s Tasks picklists', () => {
  it('are Zoho’s defaults in /settings/fields?module=Tasks, with every key Zoho’s field metadata gives a value', async () => {
    const emulator = createEmulator({ now: () => NOW });
    const token = emulator.issueToken('rep@example.com', ['ZohoCRM.settings.fields.READ']);
    const answer = await call(emulator, 'GET', '/settings/fields?module=Tasks', { token });
    expect(picklistsOf(answer.json.fields)).toEqual({
      Status: ['Not Started', 'Deferred', 'In Progress', 'Completed', 'Waiting for input'].map((v) => [v, v]),
      Priority: ['High', 'Highest', 'Low', 'Lowest', 'Normal'].map((v) => [v, v]),
    });
    const status = answer.json.fields.find((f: { api_name: string }) => f.api_name === 'Status');
    expect(status.pick_list_values[3]).toEqual({
      display_value: 'Completed',
      actual_value: 'Completed',
      id: expect.stringMatching(/^\d+$/),
      sequence_number: 4,
      reference_value: 'Completed',
      colour_code: null,
      type: 'used',
    });
  });

  it('needs ZohoCRM.settings.fields.READ', async () => {
    const emulator = createEmulator({ now: () => NOW });
    const token = emulator.issueToken('rep@example.com', ['ZohoCRM.modules.ALL']);
    const answer = await call(emulator, 'GET', '/settings/fields?module=Tasks', { token });
    expect({ status: answer.status, code: answer.json.code }).toEqual({ status: 401, code: 'OAUTH_SCOPE_MISMATCH' });
  });

  it('refuse the variant org’s renamed values', async () => {
    const emulator = createEmulator({ now: () => NOW });
    const answer = await call(emulator, 'POST', '/Tasks', { body: { data: [newTask({ Status: 'Done' })] } });
    expect(answer.json.data[0]).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'Status' } });
  });
});
