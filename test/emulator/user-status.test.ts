import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';
import { byName, expectRefusal, itemError, zohoError, type Refusal } from './refusals';

const { users } = SEED;
const ADMIN = '1000.demo.admin';
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const setStatus = (userId: string, status: unknown, token = ADMIN) =>
  call(emulator, 'PUT', `/users/${userId}`, { token, body: { users: [{ status }] } });
const statusOfUser = async (userId: string) => (await call(emulator, 'GET', `/users/${userId}`)).json.users[0].status;
const emailsOf = async (type: string) => {
  const answer = await call(emulator, 'GET', `/users?type=${type}`);
  return answer.status === 204 ? [] : answer.json.users.map((u: { email: string }) => u.email);
};

describe('PUT /users/{id}: an administrator activates or deactivates a user', () => {
  it('deactivates the manager: Zoho’s success envelope, then he reads as inactive and is listed as deactivated', async () => {
    const answer = await setStatus(users.manager, 'inactive');
    expect(answer).toMatchObject({
      status: 200,
      json: { users: [{ code: 'SUCCESS', details: { id: users.manager }, message: 'User updated', status: 'success' }] },
    });
    expect(await statusOfUser(users.manager)).toBe('inactive');
    expect(await emailsOf('ActiveUsers')).not.toContain('manager@example.com');
    expect(await emailsOf('DeactiveUsers')).toEqual(['manager@example.com', 'former@example.com']);
  });

  it('reactivates Fiona Former, who can then own a new task', async () => {
    expect((await setStatus(users.former, 'active')).status).toBe(200);
    expect(await statusOfUser(users.former)).toBe('active');
    const task = await call(emulator, 'POST', '/Tasks', { body: { data: [{ Subject: 'Hand over', Owner: { id: users.former } }] } });
    expect(task.status).toBe(201);
  });

  it('takes a licence away: the org’s daily credits shrink by one user’s 250', async () => {
    const before = emulator.credits().allowance;
    await setStatus(users.rep, 'inactive');
    expect(emulator.credits().allowance).toBe(before - 250);
  });

  it.each([
    ['ZohoCRM.users.UPDATE', 200],
    ['ZohoCRM.users.ALL', 200],
    ['ZohoCRM.users.READ', 401],
  ])('needs the users UPDATE scope: a token with only %s answers %i', async (scope, status) => {
    const token = emulator.issueToken('admin@example.com', [scope]);
    const answer = await setStatus(users.manager, 'inactive', token);
    expect(answer.status).toBe(status);
    if (status === 401) expect(answer.json.code).toBe('OAUTH_SCOPE_MISMATCH');
  });

  const body = (status: unknown) => ({ body: { users: [{ status }] } });
  const refusals: Refusal[] = [
    {
      name: 'refuses a user who is not an administrator',
      method: 'PUT',
      path: `/users/${users.manager}`,
      options: { token: '1000.demo.rep', ...body('inactive') },
      status: 400,
      json: itemError('users', 'AUTHORIZATION_FAILED', 'Either trial is expired or user does not have sufficient privilege to perform this action', {}),
    },
    {
      name: 'refuses the administrator’s own status',
      method: 'PUT',
      path: `/users/${users.admin}`,
      options: { token: ADMIN, ...body('inactive') },
      status: 400,
      json: itemError('users', 'INVALID_REQUEST', 'You cannot perform this action over logged in user', {
        api_name: 'status',
        json_path: '$.users[0].status',
        id: users.admin,
      }),
    },
    {
      name: 'refuses to deactivate Fiona Former again',
      method: 'PUT',
      path: `/users/${users.former}`,
      options: { token: ADMIN, ...body('inactive') },
      status: 400,
      json: itemError('users', 'ID_ALREADY_DEACTIVATED', 'User is already deactivated', { api_name: 'id', id: users.former }),
    },
    {
      name: 'refuses to activate an active user',
      method: 'PUT',
      path: `/users/${users.rep}`,
      options: { token: ADMIN, ...body('active') },
      status: 400,
      json: itemError('users', 'ID_ALREADY_ACTIVE', 'User is already active', { id: users.rep, json_path: '$.users[0].id' }),
    },
    {
      name: 'refuses a status the API does not write (disabled)',
      method: 'PUT',
      path: `/users/${users.rep}`,
      options: { token: ADMIN, ...body('disabled') },
      status: 400,
      json: itemError('users', 'INVALID_DATA', 'invalid data', { api_name: 'status', json_path: '$.users[0].status' }),
    },
    {
      name: 'refuses more than one user in a single user’s update',
      method: 'PUT',
      path: `/users/${users.rep}`,
      options: { token: ADMIN, body: { users: [{ status: 'inactive' }, { status: 'inactive' }] } },
      status: 400,
      json: zohoError('INVALID_DATA', 'invalid data', { maximum_length: 1, api_name: 'users', json_path: '$.users' }),
    },
    {
      name: 'refuses a body without users',
      method: 'PUT',
      path: `/users/${users.rep}`,
      options: { token: ADMIN, body: { data: [{ status: 'inactive' }] } },
      status: 400,
      json: zohoError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'users', json_path: '$.users' }),
    },
    {
      name: 'refuses an id that names no user',
      method: 'PUT',
      path: '/users/5843104000000999999',
      options: { token: ADMIN, ...body('inactive') },
      status: 400,
      json: zohoError('INVALID_DATA', 'the id given seems to be invalid', { resource_path_index: 1 }),
    },
    {
      name: 'refuses a deleted user',
      method: 'PUT',
      path: `/users/${users.intern}`,
      options: { token: ADMIN, ...body('active') },
      arrange: async (org) => org.setUserStatus('intern@example.com', 'deleted'),
      status: 400,
      json: zohoError('NOT_ALLOWED', 'the id given seems to be invalid', { resource_path_index: 1 }),
    },
  ];

  it.each(byName(refusals))('%s, changing nothing', async (_name, refusal) => {
    await expectRefusal(emulator, refusal);
  });
});

describe('GET /users?type=…', () => {
  it.each([
    ['AllUsers', ['admin@example.com', 'manager@example.com', 'rep@example.com', 'intern@example.com', 'former@example.com']],
    ['ActiveUsers', ['admin@example.com', 'manager@example.com', 'rep@example.com', 'intern@example.com']],
    ['ActiveConfirmedUsers', ['admin@example.com', 'manager@example.com', 'rep@example.com', 'intern@example.com']],
    ['DeactiveUsers', ['former@example.com']],
    ['AdminUsers', ['admin@example.com']],
    ['ActiveConfirmedAdmins', ['admin@example.com']],
    ['DeletedUsers', []],
    ['NotConfirmedUsers', []],
  ])('lists %s of the demo org', async (type, emails) => {
    expect(await emailsOf(type)).toEqual(emails);
  });

  it('answers 204 with no body for a type nobody is', async () => {
    expect(await call(emulator, 'GET', '/users?type=DeletedUsers')).toMatchObject({ status: 204, text: '' });
  });

  it('keeps an inactive administrator among AdminUsers but not among ActiveConfirmedAdmins, who can act', async () => {
    emulator.setUserStatus('admin@example.com', 'inactive');
    expect(await emailsOf('AdminUsers')).toEqual(['admin@example.com']);
    expect(await emailsOf('ActiveConfirmedAdmins')).toEqual([]);
  });

  it('refuses a type Zoho does not have, naming the ones it has', async () => {
    const answer = await call(emulator, 'GET', '/users?type=Everybody');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'INVALID_DATA', details: { param_name: 'type', supported_values: expect.arrayContaining(['ActiveConfirmedAdmins']) } });
  });
});

describe('a user deleted in code (emulator.setUserStatus)', () => {
  beforeEach(() => emulator.setUserStatus('manager@example.com', 'deleted'));

  it('leaves AllUsers for DeletedUsers, still named as the owner of his records', async () => {
    expect(await emailsOf('AllUsers')).not.toContain('manager@example.com');
    expect(await emailsOf('DeletedUsers')).toEqual(['manager@example.com']);
    const globex = await call(emulator, 'GET', `/Deals/${SEED.deals.globexExpansion}`);
    expect(globex.json.data[0].Owner).toEqual({ name: 'Max Manager', id: users.manager, email: 'manager@example.com' });
  });

  it('cannot own a new task: INVALID_DATA on Owner, as for an inactive user', async () => {
    const answer = await call(emulator, 'POST', '/Tasks', { body: { data: [{ Subject: 'Unlock request', Owner: { id: users.manager } }] } });
    expect(answer).toMatchObject({
      status: 400,
      json: { data: [{ code: 'INVALID_DATA', details: { api_name: 'Owner', json_path: '$.data[0].Owner', expected_data_type: 'lookup' } }] },
    });
  });

  it('is refused by name when the email names nobody', () => {
    expect(() => emulator.setUserStatus('nobody@example.com', 'inactive')).toThrow(/nobody@example.com/);
  });
});
