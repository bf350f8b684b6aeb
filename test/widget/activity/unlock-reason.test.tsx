import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { call } from '../../emulator/call';
import { callLines, openWithActivity } from './open-activity';

const HOOLI = SEED.deals.hooliPricing;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const button = (name: string) => screen.getByRole('button', { name });
const confirmGroup = () => screen.findByRole('group', { name: 'Unlock this record?' });
const reasonBox = () => screen.getByRole('textbox', { name: 'Reason for unlocking (optional)' }) as HTMLTextAreaElement;
const notesOn = async (recordId: string) =>
  ((await call(emulator, 'GET', `/Deals/${recordId}/Notes?fields=Note_Content&sort_by=Created_Time&sort_order=desc`)).json?.data ?? []).map(
    (note: { Note_Content: string }) => note.Note_Content,
  );
const closedTasks = async () => (await call(emulator, 'GET', `/Deals/${HOOLI}/Tasks_History?fields=Status,Description`)).json?.data ?? [];
const lockOf = async () => (await call(emulator, 'GET', `/Deals/${HOOLI}/Locking_Information__s?fields=Locked_Reason__s`)).status;

describe('unlocking with a reason on the record panel', () => {
  it('keeps the reason in the history note and answers the intern’s open request with it, reading no request again', async () => {
    const { user, host } = await openWithActivity(emulator, 'rep', HOOLI);
    await screen.findByRole('list', { name: 'Unlock requests' });
    await user.click(button('Unlock'));
    await confirmGroup();
    // Focus stays on the harmless choice; the reason box is there to type into.
    expect(document.activeElement).toBe(button('Cancel'));
    await user.type(reasonBox(), 'Legal cleared the pricing');
    host.calls.length = 0;
    await user.click(button('Yes, unlock'));
    await screen.findByText('Record unlocked.');
    await waitFor(async () => expect(await closedTasks()).toHaveLength(1));
    const [task] = await closedTasks();
    expect(task.Status).toBe('Completed');
    expect(task.Description).toContain('\n\nUnlocked by Rita Rep. Reason: Legal cleared the pricing\n\n[record-lock:unlock-request]');
    await waitFor(async () => expect((await notesOn(HOOLI))[0]).toBe('Rita Rep unlocked this record. Reason: Legal cleared the pricing'));
    // The panel had read the requests for this lock: the unlock, its note, the picklists once, the task.
    expect(callLines(host.calls).sort()).toEqual(
      [`DELETE /Deals/${HOOLI}/Locking_Information__s/${SEED.locks.hooliPricing}`, `POST /Deals/${HOOLI}/Notes`, 'GET /settings/fields', `PUT /Tasks/${SEED.tasks.hooliUnlockRequest}`].sort(),
    );
    await user.click(button('Show history'));
    const newest = within(await screen.findByRole('list', { name: 'Lock history' })).getAllByRole('listitem')[0];
    expect(newest?.textContent).toContain('Rita Rep unlocked the record');
    expect(newest?.textContent).toContain('Reason: Legal cleared the pricing');
  });

  it('unlocks without a reason when the box is left empty, as before', async () => {
    const { user } = await openWithActivity(emulator, 'rep', HOOLI);
    await user.click(button('Unlock record'));
    await confirmGroup();
    await user.click(button('Yes, unlock'));
    await screen.findByText('Record unlocked.');
    await waitFor(async () => expect((await notesOn(HOOLI))[0]).toBe('Rita Rep unlocked this record.'));
    await waitFor(async () => expect((await closedTasks())[0]?.Description).toMatch(/\n\nUnlocked by Rita Rep\.\n\n\[record-lock:unlock-request\]$/));
  });

  it('refuses a reason over Zoho’s limit before sending anything, keeps it in the box and the lock in place', async () => {
    const { user, host } = await openWithActivity(emulator, 'rep', HOOLI);
    await user.click(button('Unlock record'));
    await confirmGroup();
    const long = 'x'.repeat(3001);
    await user.click(reasonBox());
    await user.paste(long);
    screen.getByText('3001 of 3000 characters');
    host.calls.length = 0;
    await user.click(button('Yes, unlock'));
    expect((await screen.findByRole('alert')).textContent).toContain('The reason has 3001 characters; Zoho CRM accepts at most 3000.');
    expect(host.calls).toEqual([]);
    expect(reasonBox().value).toBe(long);
    expect(await lockOf()).toBe(200);
    // Shortened, it goes through with the same confirmation.
    await user.clear(reasonBox());
    await user.type(reasonBox(), 'Done');
    await user.click(button('Yes, unlock'));
    await screen.findByText('Record unlocked.');
  });

  it('starts the unlock reason empty, even after a lock reason was typed in a form left for it', async () => {
    const { user } = await openWithActivity(emulator, 'rep', HOOLI);
    await user.click(button('Edit reason'));
    await user.type(screen.getByRole('textbox', { name: 'Lock reason' }), ' and more');
    // The requests' own Unlock stays on offer above the status while the reason form is open.
    await user.click(button('Unlock'));
    await confirmGroup();
    expect(reasonBox().value).toBe('');
  });

  it('unlocks with Enter in the reason box, as Save does in the lock form', async () => {
    const { user } = await openWithActivity(emulator, 'rep', HOOLI);
    await user.click(button('Unlock record'));
    await confirmGroup();
    await user.type(reasonBox(), 'Signed{Enter}');
    await screen.findByText('Record unlocked.');
    await waitFor(async () => expect((await notesOn(HOOLI))[0]).toBe('Rita Rep unlocked this record. Reason: Signed'));
  });

  it('writes the note and answers the request when the unlock’s answer was lost after Zoho applied it', async () => {
    // The unlock's answer is lost after Zoho applied it: the panel finds the record unlocked and counts it as done.
    const { user, host } = await openWithActivity(emulator, 'rep', HOOLI);
    await user.click(button('Unlock record'));
    await confirmGroup();
    await user.type(reasonBox(), 'Approved');
    host.failNext('timeout', { afterSending: true });
    await user.click(button('Yes, unlock'));
    await screen.findByText('Record unlocked.');
    await waitFor(async () => expect((await notesOn(HOOLI))[0]).toBe('Rita Rep unlocked this record. Reason: Approved'));
    await waitFor(async () => expect((await closedTasks())[0]?.Description).toContain('Unlocked by Rita Rep. Reason: Approved'));
  });
});
