import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import type { Variant } from '../../../server/emulator/variants';
import { call } from '../../emulator/call';
import { openWithActivity } from './open-activity';

/**
 * The lock history is newest first whatever order Zoho gives the notes in: `notes-unsorted` is an
 * org whose Notes list ignores `sort_by` and `sort_order` and answers oldest first.
 */
const ACME = SEED.deals.acmeRenewal;
let emulator: Emulator;
let clock: number;

beforeEach(() => {
  clock = Date.parse('2026-01-12T09:00:00Z');
  emulator = createEmulator({ now: () => new Date(clock) });
});

/** Adds `count` history notes to Acme, one minute apart, "step 1" the oldest. */
async function addSteps(count: number) {
  for (let first = 1; first <= count; first += 100) {
    const notes = [];
    for (let step = first; step < first + 100 && step <= count; step++) {
      notes.push({ Note_Title: 'Record Lock', Note_Content: `Rita Rep changed the lock reason. Reason: step ${step}`, Parent_Id: { module: { api_name: 'Deals' }, id: ACME } });
    }
    // One call's notes share its time: each step gets its own call's minute.
    for (const note of notes) {
      clock += 60_000;
      await call(emulator, 'POST', `/Deals/${ACME}/Notes`, { body: { data: [note] } });
    }
  }
}

const button = (name: string) => screen.getByRole('button', { name });
const shownSteps = () =>
  within(screen.getByRole('list', { name: 'Lock history' }))
    .getAllByRole('listitem')
    .map((item) => /step (\d+)$/.exec(item.querySelector('.rl-reason')?.textContent ?? '')?.[1]);

describe('the lock history’s order', () => {
  it.each<[Variant[]]>([[[]], [['notes-unsorted']]])('is newest first with the variants %j', async (variants) => {
    emulator.setOptions({ variants });
    await addSteps(12);
    const { user } = await openWithActivity(emulator, 'rep', ACME);
    await user.click(button('Show history'));
    await screen.findByRole('list', { name: 'Lock history' });
    expect(shownSteps()).toEqual(['12', '11', '10', '9', '8', '7', '6', '5', '4', '3']);
    await user.click(button('Show older'));
    await waitFor(() => expect(shownSteps()).toHaveLength(12));
    expect(shownSteps().slice(-2)).toEqual(['2', '1']);
  });

  it('reads every page of a long history when Zoho ignores the order, so the newest notes come first', async () => {
    emulator.setOptions({ variants: ['notes-unsorted'] });
    await addSteps(205);
    const { user, host } = await openWithActivity(emulator, 'rep', ACME);
    await user.click(button('Show history'));
    await screen.findByRole('list', { name: 'Lock history' });
    expect(shownSteps().slice(0, 3)).toEqual(['205', '204', '203']);
    const pages = host.calls.filter((c) => c.url.includes('/Notes')).map((c) => new URL(c.url).searchParams.get('page'));
    expect(pages).toEqual(['1', '2']);
  });

  it('reads only the first page of a long history when Zoho gives it newest first', async () => {
    await addSteps(205);
    const { user, host } = await openWithActivity(emulator, 'rep', ACME);
    await user.click(button('Show history'));
    await screen.findByRole('list', { name: 'Lock history' });
    expect(shownSteps().slice(0, 3)).toEqual(['205', '204', '203']);
    expect(host.calls.filter((c) => c.url.includes('/Notes'))).toHaveLength(1);
  });
});
