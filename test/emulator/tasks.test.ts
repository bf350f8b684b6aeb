import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

const { deals, users, tasks } = SEED;
const clock = new Date('2026-02-01T15:00:00Z');
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => clock });
});

const request = (extra: Record<string, unknown> = {}) => ({
  Subject: 'Unlock request: Acme renewal',
  Owner: { id: users.rep },
  What_Id: { id: deals.acmeRenewal },
  $se_module: 'Deals',
  Due_Date: '2026-02-01',
  Priority: 'High',
  Description: 'Ivo Intern asked to unlock this record.',
  Send_Notification_Email: true,
  ...extra,
});
const insert = (item: Record<string, unknown>, token = '1000.demo.intern') => call(emulator, 'POST', '/Tasks', { token, body: { data: [item] } });
const read = (id: string) => call(emulator, 'GET', `/Tasks/${id}`);

describe('POST /Tasks', () => {
  it('creates a task owned by the named user and related to the record, read back with names', async () => {
    const created = await insert(request());
    expect(created.status).toBe(201);
    expect(created.json.data[0]).toMatchObject({ code: 'SUCCESS', message: 'record added', status: 'success', details: { Created_By: { id: users.intern } } });
    const task = (await read(created.json.data[0].details.id)).json.data[0];
    expect(task).toMatchObject({
      Subject: 'Unlock request: Acme renewal',
      Owner: { name: 'Rita Rep', id: users.rep, email: 'rep@example.com' },
      What_Id: { name: 'Acme renewal', id: deals.acmeRenewal },
      $se_module: 'Deals',
      Status: 'Not Started',
      Priority: 'High',
      Due_Date: '2026-02-01',
      Send_Notification_Email: true,
      Closed_Time: null,
      Created_By: { name: 'Ivo Intern', id: users.intern },
    });
  });

  it('makes the caller the owner when the body names none', async () => {
    const created = await insert(request({ Owner: undefined }));
    expect((await read(created.json.data[0].details.id)).json.data[0].Owner.id).toBe(users.intern);
  });

  it.each([
    ['no Subject', { Subject: undefined }, 'MANDATORY_NOT_FOUND', { api_name: 'Subject', json_path: '$.data[0].Subject' }],
    ['an empty Subject', { Subject: '' }, 'MANDATORY_NOT_FOUND', { api_name: 'Subject' }],
    ['What_Id without $se_module', { $se_module: undefined }, 'MANDATORY_NOT_FOUND', { api_name: '$se_module' }],
    ['an inactive owner', { Owner: { id: users.former } }, 'INVALID_DATA', { api_name: 'Owner', json_path: '$.data[0].Owner', expected_data_type: 'lookup' }],
    ['an owner who is no user', { Owner: { id: '5843104000000999999' } }, 'INVALID_DATA', { api_name: 'Owner' }],
    ['a related record that does not exist', { What_Id: { id: '5843104000000999999' } }, 'INVALID_DATA', { api_name: 'What_Id' }],
    ['a related module that is not served', { $se_module: 'Campaigns' }, 'INVALID_DATA', { api_name: '$se_module' }],
    ['a Subject over 255 characters', { Subject: 'x'.repeat(256) }, 'INVALID_DATA', { api_name: 'Subject', maximum_length: 255 }],
    ['a Description over 32000 characters', { Description: 'x'.repeat(32001) }, 'INVALID_DATA', { api_name: 'Description', maximum_length: 32000 }],
    ['a Status off the picklist', { Status: 'Done' }, 'INVALID_DATA', { api_name: 'Status', expected_data_type: 'picklist' }],
    ['a Priority off the picklist', { Priority: 'Urgent' }, 'INVALID_DATA', { api_name: 'Priority' }],
    ['a Due_Date that is no date', { Due_Date: '2026-02-30' }, 'INVALID_DATA', { api_name: 'Due_Date', expected_data_type: 'date' }],
    ['a notification flag that is no boolean', { Send_Notification_Email: 'yes' }, 'INVALID_DATA', { api_name: 'Send_Notification_Email' }],
  ])('refuses %s with a field-level error and creates nothing', async (_what, change, code, details) => {
    const answer = await insert(request(change));
    expect(answer.status).toBe(400);
    expect(answer.json.data[0]).toMatchObject({ code, status: 'error', details });
    const open = await call(emulator, 'GET', `/Deals/${deals.acmeRenewal}/Tasks?fields=Subject`);
    expect(open.status).toBe(204);
  });

  it('keeps a description with markup as the text it was given', async () => {
    const text = '<img src=x onerror=alert(1)> & "quotes"';
    const created = await insert(request({ Description: text }));
    expect((await read(created.json.data[0].details.id)).json.data[0].Description).toBe(text);
  });

  it('answers OAUTH_SCOPE_MISMATCH without a tasks scope', async () => {
    const token = emulator.issueToken('intern@example.com', ['ZohoCRM.modules.deals.ALL', 'ZohoCRM.modules.notes.ALL']);
    const answer = await insert(request(), token);
    expect(answer.status).toBe(401);
    expect(answer.json.code).toBe('OAUTH_SCOPE_MISMATCH');
  });

  it('accepts a token with only ZohoCRM.modules.tasks.CREATE', async () => {
    const token = emulator.issueToken('intern@example.com', ['ZohoCRM.modules.tasks.CREATE']);
    expect((await insert(request(), token)).status).toBe(201);
  });
});

describe('PUT /Tasks/{id}', () => {
  const complete = (id: string, extra: Record<string, unknown> = {}, token = '1000.demo.rep') =>
    call(emulator, 'PUT', `/Tasks/${id}`, { token, body: { data: [{ Status: 'Completed', ...extra }] } });

  it('completes a task: Closed_Time is set, and it moves from Tasks to Tasks_History', async () => {
    const answer = await complete(tasks.hooliUnlockRequest, { Description: 'Answer: keep locked' });
    expect(answer.status).toBe(200);
    expect(answer.json.data[0]).toMatchObject({ code: 'SUCCESS', message: 'record updated' });
    const task = (await read(tasks.hooliUnlockRequest)).json.data[0];
    expect(task).toMatchObject({ Status: 'Completed', Closed_Time: '2026-02-01T10:00:00-05:00', Description: 'Answer: keep locked' });
    expect((await call(emulator, 'GET', `/Deals/${deals.hooliPricing}/Tasks?fields=Subject`)).status).toBe(204);
    const closed = await call(emulator, 'GET', `/Deals/${deals.hooliPricing}/Tasks_History?fields=Subject,Status,Closed_Time`);
    expect(closed.json.data).toEqual([expect.objectContaining({ id: tasks.hooliUnlockRequest, Status: 'Completed' })]);
  });

  it('clears Closed_Time when a completed task is reopened', async () => {
    await complete(tasks.hooliUnlockRequest);
    await complete(tasks.hooliUnlockRequest, { Status: 'In Progress' });
    expect((await read(tasks.hooliUnlockRequest)).json.data[0]).toMatchObject({ Status: 'In Progress', Closed_Time: null });
  });

  it('refuses a status off the picklist and leaves the task open', async () => {
    const answer = await complete(tasks.hooliUnlockRequest, { Status: 'Closed' });
    expect(answer.json.data[0]).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'Status' } });
    expect((await read(tasks.hooliUnlockRequest)).json.data[0].Status).toBe('Not Started');
  });

  it('answers ALREADY_MODIFIED when the task changed after If-Unmodified-Since', async () => {
    const answer = await call(emulator, 'PUT', `/Tasks/${tasks.hooliUnlockRequest}`, {
      body: { data: [{ Status: 'Completed' }] },
      headers: { 'If-Unmodified-Since': 'Mon, 12 Jan 2026 12:00:00 GMT' },
    });
    expect(answer.json.data[0]).toMatchObject({ code: 'ALREADY_MODIFIED' });
  });
});

describe('GET /{module}/{id}/Tasks (open tasks)', () => {
  it('lists the seeded open unlock request on the Hooli deal with the asked fields', async () => {
    const answer = await call(emulator, 'GET', `/Deals/${deals.hooliPricing}/Tasks?fields=Subject,Owner,What_Id,Priority,Due_Date`);
    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual([
      expect.objectContaining({
        id: tasks.hooliUnlockRequest,
        Subject: 'Unlock request: Hooli enterprise pricing',
        Owner: { name: 'Rita Rep', id: users.rep, email: 'rep@example.com' },
        What_Id: { name: 'Hooli enterprise pricing', id: deals.hooliPricing },
        Priority: 'High',
        Due_Date: '2026-01-13',
      }),
    ]);
    expect(answer.json.data[0]).not.toHaveProperty('Description');
    expect(answer.json.info).toMatchObject({ per_page: 200, count: 1, page: 1, more_records: false });
  });

  it('answers 204 for a record without tasks', async () => {
    expect((await call(emulator, 'GET', `/Deals/${deals.acmeRenewal}/Tasks?fields=Subject`)).status).toBe(204);
  });

  it('needs fields', async () => {
    const answer = await call(emulator, 'GET', `/Deals/${deals.hooliPricing}/Tasks`);
    expect(answer).toMatchObject({ status: 400, json: { code: 'REQUIRED_PARAM_MISSING', details: { param_name: 'fields' } } });
  });

  it('answers INVALID_DATA for a record that does not exist', async () => {
    const answer = await call(emulator, 'GET', `/Deals/5843104000000999999/Tasks?fields=Subject`);
    expect(answer.json).toMatchObject({ code: 'INVALID_DATA', message: 'the related id given seems to be invalid' });
  });
});
