import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../../server/emulator/index';
import { call } from '../../../emulator/call';
import { callAs, openOverview } from './render-overview';

/** What the tab's unlocks leave behind: the history note and the answers to open requests, as the panel's do. */
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const DEALS = { stored: { 'recordlock.overview.module': 'Deals' } };
const HOOLI = SEED.deals.hooliPricing;
const ACME = SEED.deals.acmeRenewal;
const rowOf = (name: string) => {
  const row = screen.getAllByRole('row').find((candidate) => candidate.textContent?.includes(name));
  if (!row) throw new Error(`No row for ${name}`);
  return row;
};
const notesOn = async (recordId: string) =>
  ((await call(emulator, 'GET', `/Deals/${recordId}/Notes?fields=Note_Content&sort_by=Created_Time&sort_order=desc`)).json?.data ?? []).map(
    (note: { Note_Content: string }) => note.Note_Content,
  );
const closedTasks = async (recordId: string) => (await call(emulator, 'GET', `/Deals/${recordId}/Tasks_History?fields=Status,Description`)).json?.data ?? [];
const pathsOf = (calls: { method: string; url: string }[]) => calls.map(({ method, url }) => `${method} ${new URL(url).pathname.replace('/crm/v8', '')}`);

describe("a row's unlock on the Locked records tab", () => {
  it('writes the history note and answers the open request with the reason typed in the confirmation', async () => {
    const { user, calls } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(rowOf('Hooli enterprise pricing')).getByRole('button', { name: 'Unlock record' }));
    const confirm = await screen.findByRole('group', { name: /Unlock Hooli enterprise pricing\?/ });
    await user.type(within(confirm).getByRole('textbox', { name: 'Reason for unlocking (optional)' }), 'Pricing approved');
    calls.length = 0;
    await user.click(within(confirm).getByRole('button', { name: 'Yes, unlock' }));
    await waitFor(() => expect(document.querySelector('.rl-notice')?.textContent).toBe('Hooli enterprise pricing: Record unlocked.'));
    await waitFor(async () => expect((await notesOn(HOOLI))[0]).toBe('Max Manager unlocked this record. Reason: Pricing approved'));
    await waitFor(async () => expect((await closedTasks(HOOLI))[0]?.Description).toContain('\n\nUnlocked by Max Manager. Reason: Pricing approved\n\n'));
    // The row counted one open request, so its requests are read once (COQL) before they are answered.
    await waitFor(() => expect(pathsOf(calls)).toContain(`PUT /Tasks/${SEED.tasks.hooliUnlockRequest}`));
    expect(pathsOf(calls).sort()).toEqual(
      [`DELETE /Deals/${HOOLI}/Locking_Information__s/${SEED.locks.hooliPricing}`, `POST /Deals/${HOOLI}/Notes`, 'POST /coql', 'GET /settings/fields', `PUT /Tasks/${SEED.tasks.hooliUnlockRequest}`].sort(),
    );
  });

  it('reads no requests for a row counted with none open, and writes its note without a reason when none was typed', async () => {
    await callAs(emulator, 'rep', 'POST', `/Deals/${ACME}/Locking_Information__s`, { data: [{ Locked_Reason__s: 'Contract at legal' }] });
    const { user, calls } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(rowOf('Acme renewal')).getByRole('button', { name: 'Unlock record' }));
    const confirm = await screen.findByRole('group', { name: /Unlock Acme renewal\?/ });
    calls.length = 0;
    await user.click(within(confirm).getByRole('button', { name: 'Yes, unlock' }));
    await waitFor(async () => expect((await notesOn(ACME))[0]).toBe('Max Manager unlocked this record.'));
    expect(pathsOf(calls)).toEqual([expect.stringMatching(new RegExp(`^DELETE /Deals/${ACME}/Locking_Information__s/\\d+$`)), `POST /Deals/${ACME}/Notes`]);
  });

  it('refuses an over-long reason before sending, keeping it in the box and the row locked', async () => {
    const { user, calls } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(rowOf('Hooli enterprise pricing')).getByRole('button', { name: 'Unlock record' }));
    const confirm = await screen.findByRole('group', { name: /Unlock Hooli enterprise pricing\?/ });
    const box = within(confirm).getByRole('textbox', { name: 'Reason for unlocking (optional)' }) as HTMLTextAreaElement;
    await user.click(box);
    await user.paste('y'.repeat(3001));
    calls.length = 0;
    await user.click(within(confirm).getByRole('button', { name: 'Yes, unlock' }));
    expect((await within(confirm).findByRole('alert')).textContent).toContain('The reason has 3001 characters; Zoho CRM accepts at most 3000.');
    expect(calls).toEqual([]);
    expect(box.value).toHaveLength(3001);
    rowOf('Hooli enterprise pricing');
  });

  it('offers to write again a history note Zoho did not take, and writes only that one', async () => {
    let refuseNotes = true;
    const handle = async (request: Request) =>
      refuseNotes && request.method === 'POST' && request.url.endsWith('/Notes')
        ? Response.json({ code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' }, { status: 500 })
        : emulator.handle(request);
    const { user } = await openOverview(emulator, 'manager', { ...DEALS, handle });
    const before = (await notesOn(HOOLI)).length;
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(rowOf('Hooli enterprise pricing')).getByRole('button', { name: 'Unlock record' }));
    await user.click(within(await screen.findByRole('group', { name: /Unlock Hooli/ })).getByRole('button', { name: 'Yes, unlock' }));
    const alert = await screen.findByText('1 record was unlocked, but its history note could not be written.');
    expect(await notesOn(HOOLI)).toHaveLength(before);
    refuseNotes = false;
    await user.click(within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Write it to the history' }));
    await waitFor(async () => expect(await notesOn(HOOLI)).toHaveLength(before + 1));
    expect((await notesOn(HOOLI))[0]).toBe('Max Manager unlocked this record.');
    await waitFor(() => expect(screen.queryByText(/history note could not be written/)).toBeNull());
  });
});

describe('"Unlock selected" on the Locked records tab', () => {
  it('gives every record the one reason: a history note each, and the open request answered with it', async () => {
    await callAs(emulator, 'rep', 'POST', `/Deals/${ACME}/Locking_Information__s`, { data: [{ Locked_Reason__s: 'Contract at legal' }] });
    const { user } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Hooli enterprise pricing' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Acme renewal' }));
    await user.click(screen.getByRole('button', { name: 'Unlock selected' }));
    const confirm = await screen.findByRole('group', { name: 'Unlock 2 selected records? Their restrictions end for everyone at once.' });
    await user.type(await within(confirm).findByRole('textbox', { name: 'Reason for unlocking (optional)' }), 'Quarter closed');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, unlock' }));
    const report = await screen.findByRole('region', { name: 'Unlocking the selected records' });
    await waitFor(() => expect(report.textContent).toContain('Done.2 records unlocked.'));
    expect((await notesOn(HOOLI))[0]).toBe('Max Manager unlocked this record. Reason: Quarter closed');
    expect((await notesOn(ACME))[0]).toBe('Max Manager unlocked this record. Reason: Quarter closed');
    expect((await closedTasks(HOOLI))[0]?.Description).toContain('Unlocked by Max Manager. Reason: Quarter closed');
  });

  it('answers the open request and writes the note of each record with no reason typed, through the panel’s own follow-up', async () => {
    const { user } = await openOverview(emulator, 'rep', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Hooli enterprise pricing' }));
    await user.click(screen.getByRole('button', { name: 'Unlock selected' }));
    await user.click(within(await screen.findByRole('group', { name: /Unlock 1 selected record\?/ })).getByRole('button', { name: 'Yes, unlock' }));
    const report = await screen.findByRole('region', { name: 'Unlocking the selected records' });
    await waitFor(() => expect(report.textContent).toContain('Done.1 record unlocked.'));
    expect((await notesOn(HOOLI))[0]).toBe('Rita Rep unlocked this record.');
    const [task] = await closedTasks(HOOLI);
    expect(task).toMatchObject({ Status: 'Completed' });
    expect(task.Description).toMatch(/\n\nUnlocked by Rita Rep\.\n\n\[record-lock:unlock-request\]$/);
  });

  it('keeps the confirmation and its text open when the reason is over Zoho’s limit, unlocking nothing', async () => {
    const { user, calls } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Hooli enterprise pricing' }));
    await user.click(screen.getByRole('button', { name: 'Unlock selected' }));
    const confirm = await screen.findByRole('group', { name: /Unlock 1 selected record\?/ });
    const box = (await within(confirm).findByRole('textbox', { name: 'Reason for unlocking (optional)' })) as HTMLTextAreaElement;
    await user.click(box);
    await user.paste('z'.repeat(3001));
    calls.length = 0;
    await user.click(within(confirm).getByRole('button', { name: 'Yes, unlock' }));
    expect((await within(confirm).findByRole('alert')).textContent).toContain('The reason has 3001 characters');
    expect(calls).toEqual([]);
    expect(box.value).toHaveLength(3001);
    expect(screen.queryByRole('region', { name: 'Unlocking the selected records' })).toBeNull();
  });
});
