import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { recordCalls } from '../../../widget/crm/records';
import { taskFieldCalls } from '../../../widget/crm/task-fields';
import { taskCalls } from '../../../widget/crm/tasks';
import { userCalls } from '../../../widget/crm/users';
import { demoIdentity } from '../../support/demo-users';
import { createMemoryHost, type MemoryHost } from '../../support/memory-host';
import { call } from '../../emulator/call';

/** Who can receive an unlock request, and the Tasks picklists a request uses, against the emulator. */
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const apiDomain = 'https://www.zohoapis.com';
function hostFor(handle: (request: Request) => Promise<Response>, orgToken?: string): MemoryHost {
  const identity = demoIdentity('intern');
  return createMemoryHost({ handle, page: { module: 'Deals', recordId: '0' }, user: identity.user, tokens: { ...identity.tokens, ...(orgToken ? { org: orgToken } : {}) } });
}
const paths = (host: MemoryHost) => host.calls.map(({ connection, method, url }) => `${connection} ${method} ${url.replace(`${apiDomain}/crm/v8`, '')}`);

describe('userCalls', () => {
  it('reads one user and whether they can act, over the org connection, one call each', async () => {
    const host = hostFor(emulator.handle);
    const users = userCalls({ host, apiDomain });
    await expect(users.getUser(SEED.users.former)).resolves.toEqual({ id: SEED.users.former, name: 'Fiona Former', active: false });
    await expect(users.getUser(SEED.users.manager)).resolves.toEqual({ id: SEED.users.manager, name: 'Max Manager', active: true });
    expect(paths(host)).toEqual([`org GET /users/${SEED.users.former}`, `org GET /users/${SEED.users.manager}`]);
  });

  it('reads a user Zoho no longer knows (204) as nobody', async () => {
    await expect(userCalls({ host: hostFor(emulator.handle), apiDomain }).getUser('5843104000000999999')).resolves.toBeNull();
  });

  it('lists the org’s active administrators with ActiveConfirmedAdmins, and none once the last one is inactive (204)', async () => {
    const host = hostFor(emulator.handle);
    const users = userCalls({ host, apiDomain });
    await expect(users.activeAdministrators()).resolves.toEqual([{ id: SEED.users.admin, name: 'Amelia Admin', active: true }]);
    expect(paths(host)).toEqual(['org GET /users?type=ActiveConfirmedAdmins']);
    emulator.setUserStatus('admin@example.com', 'inactive');
    await expect(users.activeAdministrators()).resolves.toEqual([]);
  });

  it('needs ZohoCRM.users.READ: a token without it is refused as Zoho refuses it', async () => {
    const token = emulator.issueToken('admin@example.com', ['ZohoCRM.settings.fields.READ']);
    await expect(userCalls({ host: hostFor(emulator.handle, token), apiDomain }).getUser(SEED.users.rep)).rejects.toMatchObject({ code: 'OAUTH_SCOPE_MISMATCH' });
  });

  it.each([
    ['a name from first and last name when full_name is missing', { id: '1', first_name: 'Ana', last_name: 'Lee', status: 'active' }, { id: '1', name: 'Ana Lee', active: true }],
    ['a disabled user as unable to act', { id: '2', full_name: 'Bo', status: 'disabled' }, { id: '2', name: 'Bo', active: false }],
    ['a user without a status as able to act (Zoho’s refusal corrects it)', { id: '3', email: 'c@example.com' }, { id: '3', name: 'c@example.com', active: true }],
  ])('takes %s', async (_case, user, expected) => {
    const handle = async () => Response.json({ users: [user] });
    await expect(userCalls({ host: hostFor(handle), apiDomain }).getUser('1')).resolves.toEqual(expected);
  });
});

describe('taskFieldCalls', () => {
  it('finds Zoho’s default names for Completed and High in one call over the org connection', async () => {
    const host = hostFor(emulator.handle);
    await expect(taskFieldCalls({ host, apiDomain }).getTaskChoices()).resolves.toEqual({ completed: 'Completed', high: 'High' });
    expect(paths(host)).toEqual(['org GET /settings/fields?module=Tasks']);
  });

  it('finds the org’s own names by their actual values (task-picklists: Done, Important)', async () => {
    emulator = createEmulator({ variants: ['task-picklists'] });
    await expect(taskFieldCalls({ host: hostFor(emulator.handle), apiDomain }).getTaskChoices()).resolves.toEqual({ completed: 'Done', high: 'Important' });
  });

  it.each([
    ['no completed status and no High priority', [{ display_value: 'Open', actual_value: 'Not Started' }], [{ display_value: 'Urgent', actual_value: 'Highest' }], { completed: null, high: null }],
    ['a value no layout uses', [{ display_value: 'Done', actual_value: 'Completed', type: 'unused' }], [], { completed: null, high: null }],
    ['values without actual_value, by their display value', [{ display_value: 'Completed' }], [{ display_value: 'High' }], { completed: 'Completed', high: 'High' }],
  ])('reads an org with %s', async (_case, status, priority, expected) => {
    const handle = async () =>
      Response.json({ fields: [{ api_name: 'Subject' }, { api_name: 'Status', pick_list_values: status }, { api_name: 'Priority', pick_list_values: priority }] });
    await expect(taskFieldCalls({ host: hostFor(handle), apiDomain }).getTaskChoices()).resolves.toEqual(expected);
  });
});

describe('taskCalls with the org’s picklists', () => {
  const hooli = { module: 'Deals', recordId: SEED.deals.hooliPricing };
  const newRequest = (priority: string | null) => ({
    record: { module: 'Deals', recordId: SEED.deals.acmeRenewal },
    recordName: 'Acme renewal',
    recipientId: SEED.users.manager,
    requesterName: 'Ivo Intern',
    message: '',
    dueDate: '2026-01-13',
    priority,
  });

  it('sends no Status (the org’s default) and the Priority it is given, or none', async () => {
    emulator = createEmulator({ variants: ['task-picklists'] });
    const tasks = taskCalls({ host: hostFor(emulator.handle), apiDomain });
    const withPriority = await tasks.askToUnlock(newRequest('Important'));
    const without = await tasks.askToUnlock(newRequest(null));
    const read = async (id: string) => (await call(emulator, 'GET', `/Tasks/${id}`)).json.data[0];
    expect(await read(withPriority.id)).toMatchObject({ Status: 'Open', Priority: 'Important', Owner: { id: SEED.users.manager } });
    expect((await read(without.id)).Priority ?? null).toBeNull();
  });

  it('completes with the status it is given, and with none writes only the description', async () => {
    const host = hostFor(emulator.handle);
    const tasks = taskCalls({ host, apiDomain });
    const [request] = await tasks.readUnlockRequests(hooli);
    if (!request) throw new Error('The seed has an open request on the Hooli deal');
    await tasks.completeRequest(request.id, `${request.description}\n`, null);
    expect(host.calls.at(-1)?.body).toEqual({ data: [{ Description: `${request.description}\n` }] });
    expect((await tasks.readUnlockRequests(hooli))[0]?.open).toBe(true);
    await tasks.completeRequest(request.id, request.description, 'Completed');
    expect(host.calls.at(-1)?.body).toEqual({ data: [{ Status: 'Completed', Description: request.description }] });
    expect((await tasks.readUnlockRequests(hooli))[0]?.open).toBe(false);
  });
});

describe('recordCalls: the record’s owner', () => {
  it('comes with the record read, at no extra call', async () => {
    const host = hostFor(emulator.handle);
    await expect(recordCalls({ host, apiDomain }).getRecord({ module: 'Deals', recordId: SEED.deals.cyberdyneFormerLocker })).resolves.toMatchObject({
      owner: { id: SEED.users.manager, name: 'Max Manager' },
    });
    expect(host.calls).toHaveLength(1);
  });

  it('is left unknown when the answer gives it in another shape', async () => {
    const handle = async () => Response.json({ data: [{ id: '1', Deal_Name: 'X', Owner: 'Max Manager' }] });
    const summary = await recordCalls({ host: hostFor(handle), apiDomain }).getRecord({ module: 'Deals', recordId: '1' });
    expect(summary).toEqual({ id: '1', hold: 'none', name: 'X' });
  });
});
