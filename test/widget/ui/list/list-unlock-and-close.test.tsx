import { screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../../server/emulator/index';
import { callAs } from '../overview/render-overview';
import { kindOf, openList, summaryItems } from './render-list';

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const { acmeRenewal, globexExpansion, wayneClosedLost, hooliPricing, initechClosedWon } = SEED.deals;
const lockAs = (who: 'manager' | 'rep', recordId: string, reason: string) =>
  callAs(emulator, who, 'POST', `/Deals/${recordId}/Locking_Information__s`, { data: [{ Locked_Reason__s: reason }] });
const lockOf = async (recordId: string) =>
  callAs(emulator, 'admin', 'GET', `/Deals/${recordId}/Locking_Information__s?fields=Locked_Reason__s,Locked_By__s`);

describe('the list view button’s unlock of the viewer’s own locks', () => {
  it('reads the selection’s locks, offers only the viewer’s manual ones, and unlocks them after one confirmation, each with its note', async () => {
    await lockAs('manager', acmeRenewal, 'Quarter end');
    await lockAs('manager', globexExpansion, 'Quarter end');
    const selection = [acmeRenewal, hooliPricing, globexExpansion, initechClosedWon, wayneClosedLost];
    const { calls, user } = await openList(emulator, 'manager', selection);
    const before = calls.length;
    await user.click(screen.getByRole('button', { name: 'Unlock my own locks among them instead' }));
    const confirm = await screen.findByRole('group', { name: 'Unlock the 2 records you locked? Their restrictions end for everyone at once.' });
    expect(summaryItems(confirm)).toEqual(['Acme renewal', 'Globex expansion']);
    expect(confirm.textContent).toContain('3 other selected records are not locked by you by hand and stay as they are.');
    expect(calls.slice(before).map(kindOf).sort()).toEqual(selection.map((id) => `GET lock ${id}`).sort());

    await user.click(screen.getByRole('button', { name: 'Yes, unlock' }));
    await screen.findByText('2 records unlocked.');
    expect(await lockOf(acmeRenewal)).toBeNull();
    expect(await lockOf(globexExpansion)).toBeNull();
    // Rita Rep's lock and the rule's stay.
    expect(await lockOf(hooliPricing)).not.toBeNull();
    expect(await lockOf(initechClosedWon)).not.toBeNull();
    const notes = await callAs(emulator, 'admin', 'GET', `/Deals/${acmeRenewal}/Notes?fields=Note_Title,Note_Content`);
    expect((notes?.data as unknown as { Note_Content: string }[]).map((note) => note.Note_Content)).toEqual(['Max Manager unlocked this record.']);
  });

  it('keeps the unlock’s optional reason in each history note, and refuses one over Zoho’s limit before sending, keeping it', async () => {
    await lockAs('manager', acmeRenewal, 'Quarter end');
    const { calls, user } = await openList(emulator, 'manager', [acmeRenewal, hooliPricing]);
    await user.click(screen.getByRole('button', { name: 'Unlock my own locks among them instead' }));
    await screen.findByRole('button', { name: 'Yes, unlock' });
    const box = screen.getByRole('textbox', { name: /reason/i }) as HTMLTextAreaElement;
    box.focus();
    await user.paste('x'.repeat(3001));
    const before = calls.length;
    await user.click(screen.getByRole('button', { name: 'Yes, unlock' }));
    await screen.findByText('The reason has 3001 characters; Zoho CRM accepts at most 3000.');
    expect(calls.slice(before)).toEqual([]);
    expect(box.value).toHaveLength(3001);

    await user.clear(box);
    await user.type(box, 'Quarter closed');
    await user.click(screen.getByRole('button', { name: 'Yes, unlock' }));
    await screen.findByText('1 record unlocked.');
    const notes = await callAs(emulator, 'admin', 'GET', `/Deals/${acmeRenewal}/Notes?fields=Note_Title,Note_Content`);
    expect((notes?.data as unknown as { Note_Content: string }[]).map((note) => note.Note_Content)).toEqual(['Max Manager unlocked this record. Reason: Quarter closed']);
  });

  it('says when none of the selected records carries a lock of the viewer’s, and Cancel goes back to the reason', async () => {
    const { user } = await openList(emulator, 'manager', [hooliPricing, acmeRenewal]);
    await user.click(screen.getByRole('button', { name: 'Unlock my own locks among them instead' }));
    await screen.findByText('None of the selected records carries a lock you set by hand, so there is nothing for you to unlock here.');
    expect(screen.queryByRole('button', { name: 'Yes, unlock' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('textbox', { name: 'Lock reason' })).toBeTruthy();
  });

  it('reads the lock again before trying an unlock again, and leaves one someone else set meanwhile', async () => {
    await lockAs('manager', acmeRenewal, 'Quarter end');
    const internal = { code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' };
    let refuse = true;
    const handle = async (request: Request) => {
      if (refuse && request.method === 'DELETE') {
        refuse = false;
        return new Response(JSON.stringify(internal), { status: 500, headers: { 'Content-Type': 'application/json' } });
      }
      return emulator.handle(request);
    };
    const { calls, user } = await openList(emulator, 'manager', [acmeRenewal], { handle });
    await user.click(screen.getByRole('button', { name: 'Unlock my own locks among them instead' }));
    await user.click(await screen.findByRole('button', { name: 'Yes, unlock' }));
    await screen.findByText('0 records unlocked.');
    // Meanwhile Max unlocks it elsewhere and Rita locks it.
    const [lock] = ((await lockOf(acmeRenewal))?.data ?? []) as { id: string }[];
    await callAs(emulator, 'manager', 'DELETE', `/Deals/${acmeRenewal}/Locking_Information__s/${lock?.id ?? ''}`);
    await lockAs('rep', acmeRenewal, 'Mine now');
    const before = calls.length;
    await user.click(screen.getByRole('button', { name: 'Try again for 1 record' }));
    await screen.findByText('Acme renewal: someone else changed the lock first; it stays locked.');
    expect(calls.slice(before).map(kindOf)).toEqual([`GET lock ${acmeRenewal}`]);
  });

  it('offers neither lock nor unlock to a viewer whose profile may not lock, and says why', async () => {
    const { calls } = await openList(emulator, 'intern', [acmeRenewal]);
    expect(screen.getByText(/does not have the Lock permission for this module/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Unlock my own locks among them instead' })).toBeNull();
    expect(calls.map(kindOf).filter((kind) => kind.includes('lock'))).toEqual([]);
  });
});

describe('closing the list view button’s popup', () => {
  it('reloads the list behind it after a change, so the new lock states show', async () => {
    const { closed, user } = await openList(emulator, 'manager', [acmeRenewal]);
    await user.type(screen.getByRole('textbox', { name: 'Lock reason' }), 'Audit');
    await user.click(screen.getByRole('button', { name: 'Lock 1 record' }));
    await screen.findByText('1 record locked.');
    expect(document.activeElement?.textContent).toBe('Close');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(closed).toEqual([true]);
  });

  it('closes without a reload when nothing changed', async () => {
    const { closed, user } = await openList(emulator, 'manager', [acmeRenewal]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(closed).toEqual([false]);
  });

  it('says how to close it when Zoho does not', async () => {
    const { user } = await openList(emulator, 'manager', [acmeRenewal], { closes: false });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Zoho CRM did not close this window. Close it with its ×, and reload the list to see the new lock states.',
    );
  });
});
