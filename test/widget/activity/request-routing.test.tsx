import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { createMemoryStore } from '../../../widget/host/storage';
import { call } from '../../emulator/call';
import { callLines, openWithActivity } from './open-activity';

/** Asking to unlock when the locker has left: the request goes to the record's owner, else to an administrator. */
const CYBERDYNE = SEED.deals.cyberdyneFormerLocker;
const TYRELL = SEED.deals.tyrellFormerLockerAndOwner;
const { users } = SEED;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const button = (name: string) => screen.getByRole('button', { name });
const openTasks = async (recordId: string) => (await call(emulator, 'GET', `/Deals/${recordId}/Tasks?fields=Subject,Owner,Description`)).json?.data ?? [];
const OWNER_ROUTE = 'Fiona Former, who locked this record, is no longer an active user, so your request goes to Max Manager, the record’s owner.';
const ADMIN_ROUTE = 'Fiona Former, who locked this record, is no longer an active user and the record’s owner cannot answer, so your request goes to Amelia Admin, an administrator.';

describe('who receives an unlock request', () => {
  it('goes to the locker while they are active, read once when the form opens', async () => {
    await call(emulator, 'POST', `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: 'Quarter close' }] } });
    const { user, host } = await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal);
    host.calls.length = 0;
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText('Your request goes to Rita Rep, who locked this record.');
    expect(host.calls.map((c) => `${c.connection} ${callLines([c])[0]}`)).toEqual([`org GET /users/${users.rep}`]);
  });

  it('goes to the record’s owner when its locker has left, and the panel says so before sending', async () => {
    const { user, host } = await openWithActivity(emulator, 'intern', CYBERDYNE);
    const started = host.calls.length;
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText(OWNER_ROUTE);
    // The locker's status, then the owner's: two calls, the owner known from the record read at start.
    expect(callLines(host.calls.slice(started))).toEqual([`GET /users/${users.former}`, `GET /users/${users.manager}`]);
    expect(await openTasks(CYBERDYNE)).toEqual([]);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'The PO arrived');
    await user.click(button('Send request'));
    await screen.findByText('Request sent to Max Manager.');
    const [task] = await openTasks(CYBERDYNE);
    expect(task).toMatchObject({ Owner: { id: users.manager }, Description: expect.stringContaining('Message: The PO arrived') });
    await screen.findByText(/You asked Max Manager to unlock this record .*Your request is open\./);
    // The next view knows him as the record's owner, with no read of who he is.
    document.body.innerHTML = '';
    const again = await openWithActivity(emulator, 'intern', CYBERDYNE);
    await screen.findByText(/You asked Max Manager to unlock this record .*Your request is open\./);
    expect(callLines(again.host.calls).filter((line) => line.includes('/users'))).toEqual([]);
  });

  it('goes to an administrator when the record’s owner is its locker, without reading her twice', async () => {
    const { user, host } = await openWithActivity(emulator, 'intern', TYRELL);
    const started = host.calls.length;
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText(ADMIN_ROUTE);
    expect(callLines(host.calls.slice(started))).toEqual([`GET /users/${users.former}`, 'GET /users']);
    expect(new URL(host.calls.at(-1)!.url).searchParams.get('type')).toBe('ActiveConfirmedAdmins');
    await user.click(button('Send request'));
    await screen.findByText('Request sent to Amelia Admin.');
    expect((await openTasks(TYRELL))[0]).toMatchObject({ Owner: { id: users.admin } });
  });

  it('goes to an administrator when the asker owns the record: nobody asks themselves', async () => {
    const { user } = await openWithActivity(emulator, 'manager', CYBERDYNE);
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText(ADMIN_ROUTE);
  });

  it('keeps the org’s administrators for ten minutes: the next view’s form reads only the locker', async () => {
    const store = createMemoryStore();
    const first = await openWithActivity(emulator, 'intern', TYRELL, { store });
    await first.user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText(ADMIN_ROUTE);
    document.body.innerHTML = '';
    const second = await openWithActivity(emulator, 'intern', TYRELL, { store });
    const started = second.host.calls.length;
    await second.user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText(ADMIN_ROUTE);
    expect(callLines(second.host.calls.slice(started))).toEqual([`GET /users/${users.former}`]);
  });

  it('says nobody can receive it when no administrator is left either, and sends nothing', async () => {
    emulator.setUserStatus('admin@example.com', 'inactive');
    const { user, host } = await openWithActivity(emulator, 'intern', TYRELL);
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText('Fiona Former, who locked this record, is no longer an active user, and no one else in your organization can receive a request.');
    expect((button('Send request') as HTMLButtonElement).disabled).toBe(true);
    // The message's hint names nobody who would get it.
    screen.getByText('Optional.');
    host.calls.length = 0;
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Anyone?');
    expect(host.calls).toEqual([]);
  });

  it('finds the next person when the one shown leaves before the request is sent, keeping the message for a second Send', async () => {
    const { user } = await openWithActivity(emulator, 'intern', CYBERDYNE);
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText(OWNER_ROUTE);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Please');
    // Max Manager leaves the company while the intern types.
    emulator.setUserStatus('manager@example.com', 'inactive');
    await user.click(button('Send request'));
    await screen.findByText('Max Manager can no longer receive requests; your request now goes to Amelia Admin. Send it again to confirm.');
    await screen.findByText(ADMIN_ROUTE);
    expect(await openTasks(CYBERDYNE)).toEqual([]);
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('Please');
    await user.click(button('Send request'));
    await screen.findByText('Request sent to Amelia Admin.');
    expect(await openTasks(CYBERDYNE)).toEqual([expect.objectContaining({ Owner: expect.objectContaining({ id: users.admin }) })]);
  });

  it('says when who can receive it could not be read, offers Try again, and sends nothing meanwhile', async () => {
    let refuse = true;
    const { user } = await openWithActivity(emulator, 'intern', CYBERDYNE, {
      handle: (request, emu) =>
        refuse && new URL(request.url).pathname.includes('/users/')
          ? Promise.resolve(Response.json({ code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' }, { status: 500 }))
          : emu.handle(request),
    });
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Zoho CRM had an internal error.');
    expect((button('Send request') as HTMLButtonElement).disabled).toBe(true);
    refuse = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText(OWNER_ROUTE);
    expect((button('Send request') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('answering a request sent in the locker’s place', () => {
  it('shows the owner the request first, with Keep locked, and the asker then sees the reply', async () => {
    const intern = await openWithActivity(emulator, 'intern', CYBERDYNE);
    await intern.user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText(OWNER_ROUTE);
    await intern.user.click(button('Send request'));
    await screen.findByText('Request sent to Max Manager.');
    document.body.innerHTML = '';

    const manager = await openWithActivity(emulator, 'manager', CYBERDYNE);
    const list = await screen.findByRole('list', { name: 'Unlock requests' });
    expect(list.compareDocumentPosition(screen.getByRole('status', { name: 'Lock status' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ask to unlock' })).toBeNull();
    await manager.user.click(button('Keep locked'));
    await manager.user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Waiting for the PO');
    await manager.user.click(button('Keep locked'));
    await screen.findByText('The record stays locked; the people who asked can see your answer.');
    await waitFor(async () => expect(await openTasks(CYBERDYNE)).toEqual([]));
    document.body.innerHTML = '';

    await openWithActivity(emulator, 'intern', CYBERDYNE);
    await screen.findByText('Max Manager kept this record locked.');
    screen.getByText('Reply: Waiting for the PO');
  });
});
