import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../../server/emulator/index';
import { callAs, openOverview, tableRows } from './render-overview';

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const DEALS = { stored: { 'recordlock.overview.module': 'Deals' } };
const lockPath = (recordId: string) => `/Deals/${recordId}/Locking_Information__s`;
const lockIdOf = async (recordId: string) => (await callAs(emulator, 'admin', 'GET', `${lockPath(recordId)}?fields=Locked_Reason__s`))?.data[0]?.id ?? '';
const reasonOf = async (recordId: string) =>
  ((await callAs(emulator, 'admin', 'GET', `${lockPath(recordId)}?fields=Locked_Reason__s`)) as { data: { Locked_Reason__s: string }[] } | null)?.data[0]
    ?.Locked_Reason__s ?? null;

const rowOf = (name: string) => {
  const row = screen.getAllByRole('row').find((candidate) => candidate.textContent?.includes(name));
  if (!row) throw new Error(`No row for ${name}`);
  return row;
};
const hooli = () => rowOf('Hooli enterprise pricing');
const notice = () => document.querySelector('.rl-notice')?.textContent ?? '';

describe("a single row's Unlock record", () => {
  it('asks first, focusing Cancel, and unlocks only once confirmed', async () => {
    const { user } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(hooli()).getByRole('button', { name: 'Unlock record' }));
    await screen.findByRole('group', { name: /^Unlock .*\?/ });
    const confirm = screen.getByRole('group', { name: /Unlock Hooli enterprise pricing\?/ });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await lockIdOf(SEED.deals.hooliPricing)).not.toBe('');

    await user.click(within(hooli()).getByRole('button', { name: 'Unlock record' }));
    await screen.findByRole('group', { name: /^Unlock .*\?/ });
    await user.click(screen.getByRole('button', { name: 'Yes, unlock' }));
    await waitFor(() => expect(notice()).toBe('Hooli enterprise pricing: Record unlocked.'));
    expect(tableRows().some((cells) => cells[1]?.startsWith('Hooli'))).toBe(false);
    expect(await lockIdOf(SEED.deals.hooliPricing)).toBe('');
  });

  it('says someone else unlocked it first and drops the row', async () => {
    const { user } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(hooli()).getByRole('button', { name: 'Unlock record' }));
    await screen.findByRole('group', { name: /^Unlock .*\?/ });
    await callAs(emulator, 'rep', 'DELETE', `${lockPath(SEED.deals.hooliPricing)}/${await lockIdOf(SEED.deals.hooliPricing)}`);
    await user.click(screen.getByRole('button', { name: 'Yes, unlock' }));
    await waitFor(() => expect(tableRows().some((cells) => cells[1]?.startsWith('Hooli'))).toBe(false));
    expect(screen.queryByRole('group', { name: /Unlock Hooli/ })).toBeNull();
  });
});

describe("a single row's Edit reason", () => {
  it('saves the new reason with Enter and shows it in the row', async () => {
    const { user } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(hooli()).getByRole('button', { name: 'Edit reason' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    const reason = screen.getByRole('textbox', { name: 'Lock reason' });
    expect(document.activeElement).toBe(reason);
    await user.clear(reason);
    await user.type(reason, 'Signed copy at legal{Enter}');
    await waitFor(() => expect(notice()).toBe('Hooli enterprise pricing: Reason saved.'));
    expect(within(hooli()).getAllByRole('cell')[2]?.textContent).toBe('Signed copy at legal');
    expect(await reasonOf(SEED.deals.hooliPricing)).toBe('Signed copy at legal');
  });

  it('refuses an empty reason without sending anything', async () => {
    const { user, calls } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(hooli()).getByRole('button', { name: 'Edit reason' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    const before = calls.length;
    await user.clear(screen.getByRole('textbox', { name: 'Lock reason' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('textbox', { name: 'Lock reason' }).getAttribute('aria-invalid')).toBe('true');
    expect(calls.slice(before).filter((call) => call.method === 'PUT')).toEqual([]);
  });

  it('keeps the typed text and shows the new reason when someone else changed it first', async () => {
    const { user } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(hooli()).getByRole('button', { name: 'Edit reason' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    const reason = screen.getByRole('textbox', { name: 'Lock reason' });
    await user.clear(reason);
    await user.type(reason, 'Mine');
    await callAs(emulator, 'rep', 'PUT', `${lockPath(SEED.deals.hooliPricing)}/${await lockIdOf(SEED.deals.hooliPricing)}`, {
      data: [{ Locked_Reason__s: 'Theirs' }],
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(notice()).toBe('Hooli enterprise pricing: Someone else changed the reason first.'));
    expect(within(hooli()).getAllByRole('cell')[2]?.textContent).toBe('Theirs');
    expect((screen.getByRole('textbox', { name: 'Lock reason' }) as HTMLTextAreaElement).value).toBe('Mine');
    expect(await reasonOf(SEED.deals.hooliPricing)).toBe('Theirs');
  });

  it('closes the form and drops the row when someone else unlocked it first', async () => {
    const { user } = await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(within(hooli()).getByRole('button', { name: 'Edit reason' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await callAs(emulator, 'rep', 'DELETE', `${lockPath(SEED.deals.hooliPricing)}/${await lockIdOf(SEED.deals.hooliPricing)}`);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(notice()).toBe('Hooli enterprise pricing: Someone else unlocked this record.'));
    expect(screen.queryByRole('textbox', { name: 'Lock reason' })).toBeNull();
    expect(tableRows().some((cells) => cells[1]?.startsWith('Hooli'))).toBe(false);
  });
});

describe('the open unlock requests column', () => {
  const requestsCell = (name: string) => within(rowOf(name)).getAllByRole('cell')[6]?.textContent;

  it("counts each row's open requests on its current lock, read in one call for the page", async () => {
    const { calls } = await openOverview(emulator, 'manager', DEALS);
    const table = await screen.findByRole('table', { name: 'Locked records' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toContain('Open unlock requests');
    await waitFor(() => expect(requestsCell('Hooli enterprise pricing')).toBe('1'));
    expect(requestsCell('Initech platform deal')).toBe('0');
    const queries = calls.filter((call) => call.url.endsWith('/coql'));
    expect(queries).toHaveLength(1);
    expect(JSON.stringify(queries[0]?.body)).toContain(SEED.deals.hooliPricing);
  });

  it('no longer counts a request once it is completed', async () => {
    const tasks = await callAs(emulator, 'admin', 'POST', '/coql', {
      select_query: `select id from Tasks where What_Id = '${SEED.deals.hooliPricing}'`,
    });
    for (const task of tasks?.data ?? []) await callAs(emulator, 'admin', 'PUT', `/Tasks/${task.id}`, { data: [{ Status: 'Completed' }] });
    await openOverview(emulator, 'manager', DEALS);
    await screen.findByRole('table', { name: 'Locked records' });
    await waitFor(() => expect(requestsCell('Hooli enterprise pricing')).toBe('0'));
  });

  it('leaves the column blank, and the rows standing, when the requests cannot be read', async () => {
    const handle = async (request: Request) =>
      new URL(request.url).pathname.endsWith('/coql')
        ? Response.json({ code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' }, { status: 500 })
        : emulator.handle(request);
    const { model } = await openOverview(emulator, 'manager', { ...DEALS, handle });
    await screen.findByRole('table', { name: 'Locked records' });
    await waitFor(() => expect(model.list.phase.value).toBe('loaded'));
    expect(requestsCell('Hooli enterprise pricing')).toBe('');
    expect(requestsCell('Initech platform deal')).toBe('');
  });
});
