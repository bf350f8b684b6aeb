import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { call } from '../../emulator/call';
import { callLines, openWithActivity } from './open-activity';

const HOOLI = SEED.deals.hooliPricing;
const ACME = SEED.deals.acmeRenewal;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const button = (name: string) => screen.getByRole('button', { name });
const historyItems = () => within(screen.getByRole('list', { name: 'Lock history' })).getAllByRole('listitem').map((item) => (item.textContent ?? '').replace(/\s/g, ' '));
const notesOn = async (recordId: string) =>
  ((await call(emulator, 'GET', `/Deals/${recordId}/Notes?fields=Note_Title,Note_Content&sort_by=Created_Time&sort_order=asc`)).json?.data ?? []) as { Note_Title: string; Note_Content: string }[];

describe('the lock history', () => {
  it('stays collapsed and unread until opened, then lists the notes newest first with who, what, when and the reason', async () => {
    const { user, host } = await openWithActivity(emulator, 'manager', HOOLI);
    expect(screen.queryByRole('list', { name: 'Lock history' })).toBeNull();
    expect(callLines(host.calls).some((line) => line.endsWith('/Notes'))).toBe(false);
    expect(button('Show history').getAttribute('aria-expanded')).toBe('false');

    await user.click(button('Show history'));
    await screen.findByRole('list', { name: 'Lock history' });
    screen.getByText('Only changes made with this panel are listed.');
    const items = historyItems();
    expect(items[0]).toContain('Ivo Intern asked Rita Rep to unlock it');
    expect(items[1]).toContain('Rita Rep locked the record');
    expect(items[1]).toContain('Reason: Pricing under legal review');
    expect(items[2]).toContain('Max Manager unlocked the record');
    // Seeded at 8 Jan 2026 11:00 New York time; the manager reads it in London time (in US English here), exact and relative.
    expect(items[3]).toMatch(/Max Manager locked the record.*Reason: Waiting for the customer's budget.*ago \(Jan 8, 2026, 4:00 PM\)/);
    expect(button('Hide history').getAttribute('aria-expanded')).toBe('true');
  });

  it('reads up to 200 notes in one call and shows ten at a time, the older ones without another call', async () => {
    for (let i = 1; i <= 12; i++) {
      await call(emulator, 'POST', `/Deals/${ACME}/Notes`, {
        body: { data: [{ Note_Title: 'Record Lock', Note_Content: `Rita Rep changed the lock reason. Reason: step ${i}`, Parent_Id: { module: { api_name: 'Deals' }, id: ACME } }] },
      });
    }
    const { user, host } = await openWithActivity(emulator, 'rep', ACME);
    await user.click(button('Show history'));
    await screen.findByRole('list', { name: 'Lock history' });
    expect(historyItems()).toHaveLength(10);
    const reads = host.calls.filter((c) => c.url.includes('/Notes'));
    expect(reads.map((c) => new URL(c.url).searchParams.get('per_page'))).toEqual(['200']);
    host.calls.length = 0;
    await user.click(button('Show older'));
    await waitFor(() => expect(historyItems()).toHaveLength(12));
    expect(historyItems().at(-1)).toContain('Reason: step 1');
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
    expect(host.calls).toEqual([]);
  });

  it('writes a note after each confirmed lock, reason edit and unlock, which the open history shows', async () => {
    const { user } = await openWithActivity(emulator, 'rep', ACME);
    await user.click(button('Show history'));
    await screen.findByText('No changes have been recorded with this panel yet.');
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.keyboard('Quarter close{Enter}');
    await waitFor(() => expect(screen.getByRole('status', { name: 'Lock status' }).textContent).toContain('Reason: Quarter close'));
    await user.click(button('Edit reason'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    const box = screen.getByRole('textbox', { name: 'Lock reason' });
    await user.clear(box);
    await user.type(box, 'Audit{Enter}');
    await waitFor(() => expect(screen.getByRole('status', { name: 'Lock status' }).textContent).toContain('Reason: Audit'));
    await user.click(button('Unlock record'));
    await screen.findByRole('group', { name: 'Unlock this record?' });
    await user.click(button('Yes, unlock'));
    await waitFor(async () => expect(await notesOn(ACME)).toHaveLength(3));
    expect((await notesOn(ACME)).map((note) => [note.Note_Title, note.Note_Content])).toEqual([
      ['Record Lock', 'Rita Rep locked this record. Reason: Quarter close'],
      ['Record Lock', 'Rita Rep changed the lock reason. Reason: Audit'],
      ['Record Lock', 'Rita Rep unlocked this record.'],
    ]);
    await waitFor(() => expect(historyItems()[0]).toContain('Rita Rep unlocked the record'));
  });

  it('keeps a change whose note failed, says so, and writes only the note again', async () => {
    const { user, host } = await openWithActivity(emulator, 'rep', ACME, {
      handle: async (request, emu) => {
        // Zoho refuses the first note; the lock itself goes through.
        if (request.method === 'POST' && request.url.endsWith('/Notes') && !refused) {
          refused = true;
          return new Response(JSON.stringify({ code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' }), { status: 500 });
        }
        return emu.handle(request);
      },
    });
    let refused = false;
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.keyboard('Quarter close{Enter}');
    const alert = await screen.findByText('The change was made, but the lock history could not record it.');
    expect(screen.getByRole('status', { name: 'Lock status' }).textContent).toContain('Reason: Quarter close');
    expect(await notesOn(ACME)).toEqual([]);
    host.calls.length = 0;
    await user.click(within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Write it to the history' }));
    await waitFor(() => expect(screen.queryByText('The change was made, but the lock history could not record it.')).toBeNull());
    expect(callLines(host.calls)).toEqual([`POST /Deals/${ACME}/Notes`]);
    expect((await notesOn(ACME)).map((note) => note.Note_Content)).toEqual(['Rita Rep locked this record. Reason: Quarter close']);
  });

  it('shows a reason with markup as text', async () => {
    const { user } = await openWithActivity(emulator, 'rep', ACME);
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.keyboard('<script>alert(1)</script>{Enter}');
    await waitFor(async () => expect(await notesOn(ACME)).toHaveLength(1));
    await user.click(button('Show history'));
    await screen.findByText('Reason: <script>alert(1)</script>', { selector: '.rl-history li p' });
    expect(document.querySelector('.rl-history script')).toBeNull();
  });
});
