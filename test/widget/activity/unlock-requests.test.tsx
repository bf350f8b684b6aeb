import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { call } from '../../emulator/call';
import { demoUsers } from '../../support/demo-users';
import { callLines, openWithActivity } from './open-activity';

const HOOLI = SEED.deals.hooliPricing;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const button = (name: string) => screen.getByRole('button', { name });
const requestList = () => screen.getByRole('list', { name: 'Unlock requests' });
const openTasks = async (recordId = HOOLI) => (await call(emulator, 'GET', `/Deals/${recordId}/Tasks?fields=Subject,Status,Owner,Description,Due_Date,Priority,Send_Notification_Email`)).json?.data ?? [];
const closedTasks = async (recordId = HOOLI) => (await call(emulator, 'GET', `/Deals/${recordId}/Tasks_History?fields=Subject,Status,Description`)).json?.data ?? [];

/** The rep locks Acme renewal through the API, so that the manager has a fresh lock to ask about. */
async function repLocksAcme() {
  const answer = await call(emulator, 'POST', `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: 'Quarter close' }] } });
  expect(answer.status).toBe(201);
}

describe('asking to unlock', () => {
  it('lets the manager ask the rep with a message, as one high-priority task due today', async () => {
    await repLocksAcme();
    const { user, host } = await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal);
    host.calls.length = 0;
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Need to fix the amount');
    await user.click(button('Send request'));
    await screen.findByText('Request sent to Rita Rep.');
    const [task] = await openTasks(SEED.deals.acmeRenewal);
    expect(task).toMatchObject({
      Subject: 'Unlock request: Acme renewal',
      Owner: { id: demoUsers.rep.user.id },
      Priority: 'High',
      Status: 'Not Started',
      Send_Notification_Email: true,
      Description: 'Max Manager asked to unlock this record.\n\nMessage: Need to fix the amount\n\n[record-lock:unlock-request]',
    });
    expect(task.Due_Date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Who receives it is read as the form opens (the rep is active), the Tasks picklists once before sending.
    expect(callLines(host.calls)).toEqual([
      `GET /users/${demoUsers.rep.user.id}`,
      'POST /coql',
      'GET /settings/fields',
      'POST /Tasks',
      'POST /Deals/' + SEED.deals.acmeRenewal + '/Notes',
    ]);
    expect(within(requestList()).getByText('Message: Need to fix the amount')).toBeTruthy();
  });

  it('shows the intern that their request on Hooli is open and offers no second one', async () => {
    await openWithActivity(emulator, 'intern', HOOLI);
    await screen.findByText(/You asked Rita Rep to unlock this record .*Your request is open\./);
    expect(screen.queryByRole('button', { name: 'Ask to unlock' })).toBeNull();
  });

  it('tells the asker whose other window already asked, and creates no duplicate', async () => {
    await repLocksAcme();
    const { user } = await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal);
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    // The same manager asks from another window meanwhile.
    await call(emulator, 'POST', '/Tasks', {
      token: demoUsers.manager.token,
      body: { data: [{ Subject: 'Unlock request: Acme renewal', Owner: { id: demoUsers.rep.user.id }, What_Id: { id: SEED.deals.acmeRenewal }, $se_module: 'Deals', Description: 'Max Manager asked to unlock this record.\n\n[record-lock:unlock-request]' }] },
    });
    await user.click(button('Send request'));
    await screen.findByText('You already asked to unlock this record; your request is open.');
    expect(await openTasks(SEED.deals.acmeRenewal)).toHaveLength(1);
  });

  it('counts the message as it is typed, refuses one over 2000 characters before sending, and keeps it', async () => {
    await repLocksAcme();
    const { user, host } = await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal);
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    await user.type(box, 'abc');
    screen.getByText('3 of 2000 characters');
    const long = 'x'.repeat(2001);
    await user.clear(box);
    await user.click(box);
    await user.paste(long);
    host.calls.length = 0;
    await user.click(button('Send request'));
    expect((await screen.findByRole('alert')).textContent).toContain('The message has 2001 characters; at most 2000 can be sent.');
    expect(host.calls).toEqual([]);
    expect(box.value).toBe(long);
  });

  it('keeps the message and offers a retry when the request fails', async () => {
    await repLocksAcme();
    const { user, host } = await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal);
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Please');
    host.failNext('connection');
    await user.click(button('Send request'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The connection to Zoho CRM failed.');
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('Please');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText('Request sent to Rita Rep.');
    expect(await openTasks(SEED.deals.acmeRenewal)).toHaveLength(1);
  });

  it('says what to do when the locker is no longer an active user', async () => {
    await repLocksAcme();
    const { user } = await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal, {
      // The rep left the company after locking: Zoho refuses her as the owner of a new task.
      handle: async (request, emu) => {
        if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/Tasks')) {
          const body = (await request.json()) as { data: Record<string, unknown>[] };
          body.data[0]!['Owner'] = { id: SEED.users.former };
          return emu.handle(new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify(body) }));
        }
        return emu.handle(request);
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await user.click(button('Send request'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Rita Rep is no longer an active user of Zoho CRM, so the request cannot be assigned to them. Ask an administrator to unlock the record.',
    );
  });

  it.each([
    ['an automatic lock', SEED.deals.initechClosedWon, 'The rule “Closed Won deals” holds this lock, so it takes no unlock requests. An administrator can change the rule.'],
  ])('offers no request on %s and names the rule', async (_what, recordId, text) => {
    const { host } = await openWithActivity(emulator, 'manager', recordId);
    await screen.findByText(text);
    expect(screen.queryByRole('button', { name: 'Ask to unlock' })).toBeNull();
    // A rule's lock takes no requests: reading them would spend a credit on nothing.
    expect(callLines(host.calls)).not.toContain('POST /coql');
  });

  it('offers no request on a Both lock (a rule also holds the manual lock)', async () => {
    await repLocksAcme();
    const won = await call(emulator, 'PUT', `/Deals/${SEED.deals.acmeRenewal}`, { token: demoUsers.admin.token, body: { data: [{ Stage: 'Closed Won' }] } });
    expect(won.status).toBe(200);
    await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal);
    await screen.findByText('Locked by hand and by the rule “Closed Won deals”.');
    await screen.findByText(/holds this lock, so it takes no unlock requests/);
    expect(screen.queryByRole('button', { name: 'Ask to unlock' })).toBeNull();
  });

  it('makes no call for the requests of an unlocked record', async () => {
    const { host } = await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal);
    expect(callLines(host.calls)).not.toContain('POST /coql');
    expect(screen.queryByRole('button', { name: 'Ask to unlock' })).toBeNull();
  });

  it('shows the message of a request as text, never as markup', async () => {
    await repLocksAcme();
    const { user } = await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal);
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), '<img src=x onerror="alert(1)"><b>bold</b>');
    await user.click(button('Send request'));
    await screen.findByText('Message: <img src=x onerror="alert(1)"><b>bold</b>');
    expect(document.querySelector('img, b')).toBeNull();
  });
});

describe('answering requests', () => {
  it('shows the rep the intern’s request first, and Unlock completes it', async () => {
    const { user } = await openWithActivity(emulator, 'rep', HOOLI);
    const list = await screen.findByRole('list', { name: 'Unlock requests' });
    expect(list.textContent).toContain('Ivo Intern asked');
    expect(list.textContent).toContain('Message: I need to update the contact details for the renewal.');
    // Above the lock status: the locker sees the requests first.
    expect(list.compareDocumentPosition(screen.getByRole('status', { name: 'Lock status' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(button('Unlock'));
    await user.click(within(await screen.findByRole('group', { name: 'Unlock this record?' })).getByRole('button', { name: 'Yes, unlock' }));
    await waitFor(async () => expect(await openTasks()).toEqual([]));
    const [closed] = await closedTasks();
    expect(closed.Description).toContain('Unlocked by Rita Rep.');
  });

  it('keeps the record locked with a reply that the intern then sees', async () => {
    const rep = await openWithActivity(emulator, 'rep', HOOLI);
    await screen.findByRole('list', { name: 'Unlock requests' });
    await rep.user.click(button('Keep locked'));
    await rep.user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Legal needs two more days');
    await rep.user.click(button('Keep locked'));
    await screen.findByText('The record stays locked; the people who asked can see your answer.');
    expect(screen.queryByRole('list', { name: 'Unlock requests' })).toBeNull();
    expect(await openTasks()).toEqual([]);
    document.body.innerHTML = '';

    await openWithActivity(emulator, 'intern', HOOLI);
    await screen.findByText('Rita Rep kept this record locked.');
    screen.getByText('Reply: Legal needs two more days');
    screen.getByRole('button', { name: 'Ask to unlock' });
  });

  it('shows who answered first when someone else completed the request meanwhile', async () => {
    const rep = await openWithActivity(emulator, 'rep', HOOLI);
    await screen.findByRole('list', { name: 'Unlock requests' });
    // The rep answers from another window first.
    const [task] = await openTasks();
    await call(emulator, 'PUT', `/Tasks/${task.id}`, {
      body: { data: [{ Status: 'Completed', Description: task.Description.replace('\n\n[record-lock', '\n\nReply from Max Manager: Not yet\n\n[record-lock') }] },
    });
    await rep.user.click(button('Keep locked'));
    await rep.user.click(button('Keep locked'));
    await screen.findByText('Max Manager answered this request first.');
  });
});
