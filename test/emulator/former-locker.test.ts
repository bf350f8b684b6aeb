import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

const { deals, users } = SEED;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const lockOf = async (dealId: string) =>
  (await call(emulator, 'GET', `/Deals/${dealId}/Locking_Information__s?fields=Locked_By__s,Lock_Source__s,Locked_Reason__s`)).json.data[0];
const ownerOf = async (dealId: string) => (await call(emulator, 'GET', `/Deals/${dealId}?fields=Deal_Name,Owner`)).json.data[0].Owner;
const askToUnlock = (dealId: string, ownerId: string) =>
  call(emulator, 'POST', '/Tasks', {
    token: '1000.demo.intern',
    body: { data: [{ Subject: 'Unlock request', Owner: { id: ownerId }, What_Id: { id: dealId }, $se_module: 'Deals' }] },
  });

describe('deals locked by a user who has left (the demo org’s Fiona Former)', () => {
  it.each([
    ['Cyberdyne service renewal', deals.cyberdyneFormerLocker, "Waiting for the customer's purchase order"],
    ['Tyrell data migration', deals.tyrellFormerLockerAndOwner, 'Scope under review with the customer'],
  ])('%s is locked by hand by Fiona Former, who reads as inactive', async (_name, dealId, reason) => {
    expect(await lockOf(dealId)).toMatchObject({
      Locked_By__s: { name: 'Fiona Former', id: users.former },
      Lock_Source__s: 'Manual',
      Locked_Reason__s: reason,
    });
    const fiona = await call(emulator, 'GET', `/users/${users.former}`);
    expect(fiona.json.users[0]).toMatchObject({ email: 'former@example.com', status: 'inactive' });
  });

  it('Cyberdyne is owned by Max Manager, an active user, who can be asked instead of its locker', async () => {
    expect(await ownerOf(deals.cyberdyneFormerLocker)).toEqual({ name: 'Max Manager', id: users.manager, email: 'manager@example.com' });
    expect((await askToUnlock(deals.cyberdyneFormerLocker, users.former)).json.data[0]).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'Owner' } });
    expect((await askToUnlock(deals.cyberdyneFormerLocker, users.manager)).status).toBe(201);
  });

  it('Tyrell is owned by Fiona Former herself, so only the org’s active administrators are left to ask', async () => {
    expect(await ownerOf(deals.tyrellFormerLockerAndOwner)).toEqual({ name: 'Fiona Former', id: users.former, email: 'former@example.com' });
    const admins = await call(emulator, 'GET', '/users?type=ActiveConfirmedAdmins');
    expect(admins.json.users.map((u: { id: string; profile: { name: string } }) => [u.id, u.profile.name])).toEqual([[users.admin, 'Administrator']]);
    expect((await askToUnlock(deals.tyrellFormerLockerAndOwner, users.former)).status).toBe(400);
    expect((await askToUnlock(deals.tyrellFormerLockerAndOwner, users.admin)).status).toBe(201);
  });

  it('keeps the locks when their locker is deactivated through the API, and other deals’ owners can still be asked', async () => {
    await call(emulator, 'PUT', `/users/${users.rep}`, { token: '1000.demo.admin', body: { users: [{ status: 'inactive' }] } });
    expect(await lockOf(deals.hooliPricing)).toMatchObject({ Locked_By__s: { name: 'Rita Rep', id: users.rep } });
    expect((await askToUnlock(deals.hooliPricing, users.rep)).json.data[0]).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'Owner' } });
  });
});

describe('tasks and users who have left', () => {
  const askMax = async () => (await askToUnlock(deals.cyberdyneFormerLocker, users.manager)).json.data[0].details.id as string;
  const taskOf = async (id: string) => (await call(emulator, 'GET', `/Tasks/${id}`)).json.data[0];

  it('completes a request whose owner has left since: the task stays theirs, the update is taken', async () => {
    const id = await askMax();
    emulator.setUserStatus('manager@example.com', 'inactive');
    const done = await call(emulator, 'PUT', `/Tasks/${id}`, { token: '1000.demo.intern', body: { data: [{ Status: 'Completed', Description: 'Answered' }] } });
    expect(done.status).toBe(200);
    expect(await taskOf(id)).toMatchObject({ Status: 'Completed', Owner: { id: users.manager }, Closed_Time: expect.any(String) });
  });

  it.each([
    ['has left (inactive)', () => users.former],
    ['is deleted', () => (emulator.setUserStatus('rep@example.com', 'deleted'), users.rep)],
    ['is no user at all', () => '5843104000000999999'],
  ])('refuses an update that gives the task to someone who %s, as an insert is refused, changing nothing', async (_case, ownerOf) => {
    const id = await askMax();
    const owner = ownerOf();
    const answer = await call(emulator, 'PUT', `/Tasks/${id}`, { token: '1000.demo.intern', body: { data: [{ Owner: { id: owner }, Description: 'Changed' }] } });
    expect(answer).toMatchObject({
      status: 400,
      json: { data: [{ code: 'INVALID_DATA', details: { api_name: 'Owner', json_path: '$.data[0].Owner', expected_data_type: 'lookup' }, message: 'invalid data', status: 'error' }] },
    });
    const task = await taskOf(id);
    expect(task.Owner).toMatchObject({ id: users.manager });
    expect(task.Description ?? null).toBeNull();
  });

  it('refuses only the items naming an inactive owner in an insert of several (207)', async () => {
    const answer = await call(emulator, 'POST', '/Tasks', {
      token: '1000.demo.intern',
      body: { data: [{ Subject: 'Unlock request: a', Owner: { id: users.former } }, { Subject: 'Unlock request: b', Owner: { id: users.admin } }] },
    });
    expect(answer.status).toBe(207);
    expect(answer.json.data.map((item: { code: string }) => item.code)).toEqual(['INVALID_DATA', 'SUCCESS']);
  });
});
