import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../../server/emulator/index';
import { PAGE_SIZE } from '../../../../widget/model/locked-list';
import { callAs, openOverview, tableRows } from './render-overview';

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const lockAs = (who: 'rep' | 'manager', recordId: string, reason: string) =>
  callAs(emulator, who, 'POST', `/Deals/${recordId}/Locking_Information__s`, { data: [{ Locked_Reason__s: reason }] });

const lockIdOf = async (recordId: string) =>
  (await callAs(emulator, 'admin', 'GET', `/Deals/${recordId}/Locking_Information__s?fields=Locked_Reason__s`))?.data[0]?.id ?? '';

const button = (name: string) => screen.getByRole('button', { name });

describe('the Locked records tab against the emulator', () => {
  it('lists the locked deals with their reason, locker, time and source, newest lock first', async () => {
    await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    const table = await screen.findByRole('table', { name: 'Locked records' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Record', 'Reason', 'Locked by', 'Since', 'Source']));
    const rows = tableRows();
    expect(rows.map((cells) => cells[1])).toEqual(expect.arrayContaining(['Hooli enterprise pricing', 'Initech platform deal']));
    const hooli = rows.find((cells) => cells[1]?.startsWith('Hooli'));
    expect(hooli?.slice(2, 4)).toEqual(['Pricing under legal review', 'Rita Rep']);
    expect(hooli?.[5]).toBe('By hand');
    expect(rows.find((cells) => cells[1]?.startsWith('Initech'))?.[5]).toContain('Rule “Closed Won deals”');
    const times = within(table).getAllByRole('row').slice(1).map((row) => row.querySelector('time')?.getAttribute('datetime') ?? '');
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('offers only the modules with a locking configuration and remembers the choice', async () => {
    const { store, user } = await openOverview(emulator, 'manager');
    const picker = await screen.findByRole('combobox', { name: 'Module' });
    await waitFor(() => expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Leads', 'Accounts', 'Deals']));
    expect(await screen.findByText('No record of this module is locked.')).toBeTruthy();
    await user.selectOptions(picker, 'Deals');
    expect(await screen.findByRole('table', { name: 'Locked records' })).toBeTruthy();
    expect(store.get('recordlock.overview.module')).toBe('Deals');
  });

  it('ignores a stored module that has no locking configuration any more', async () => {
    await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Cases' } });
    expect((await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Module' })).value).toBe('Leads');
  });

  it('finds the locked deals by COQL when Zoho refuses the search on Locked__s, and asks COQL first next time', async () => {
    emulator.setOptions({ variants: ['locked-search-refused'] });
    const first = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    await screen.findByRole('table', { name: 'Locked records' });
    await waitFor(() => expect(first.model.list.phase.value).toBe('loaded'));
    expect(tableRows().map((cells) => cells[1])).toEqual(expect.arrayContaining(['Hooli enterprise pricing', 'Initech platform deal']));
    const finders = (calls: typeof first.calls) => calls.filter((call) => call.url.includes('/search') || (call.url.endsWith('/coql') && JSON.stringify(call.body).includes('Locked__s')));
    expect(finders(first.calls).map((call) => (call.url.includes('/search') ? 'search' : 'coql'))).toEqual(['search', 'coql']);

    const again = await openOverview(emulator, 'manager', { store: first.store });
    await screen.findByRole('table', { name: 'Locked records' });
    expect(finders(again.calls).map((call) => (call.url.includes('/search') ? 'search' : 'coql'))).toEqual(['coql']);
  });

  it('says plainly what an administrator can do when Zoho refuses both search and COQL on Locked__s, and shows no guessed list', async () => {
    emulator.setOptions({ variants: ['locked-search-refused', 'locked-coql-refused'] });
    await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Zoho CRM refused to find the locked records of this module, both by search and by query');
    expect(alert.textContent).toContain('An administrator can ask Zoho support to make the Locked field (Locked__s) searchable or queryable');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('names the call Zoho answered in a shape this version does not understand, to report', async () => {
    const handle = async (request: Request) =>
      new URL(request.url).pathname.endsWith('/search') ? Response.json({ data: 'nonsense', code: 'ODD_ANSWER' }) : emulator.handle(request);
    await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' }, handle });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Zoho CRM answered in a way this version of Record Lock does not understand.');
    expect(alert.textContent).toContain("with the call GET /crm/v8/Deals/search and Zoho's code ODD_ANSWER");
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('filters the loaded locks by rule and says the filter covers the loaded page', async () => {
    const { user } = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    await screen.findByRole('table', { name: 'Locked records' });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Source' }), 'By a rule');
    expect(tableRows().every((cells) => cells[5]?.includes('Closed Won deals'))).toBe(true);
    expect(tableRows().some((cells) => cells[1]?.startsWith('Hooli'))).toBe(false);
    expect(screen.getByText(/Filters apply to the \d+ locks loaded on this page/)).toBeTruthy();
  });

  it('unlocks two manual locks at once, reporting one that someone else unlocked in between', async () => {
    await lockAs('rep', SEED.deals.acmeRenewal, 'Contract at legal');
    const { user } = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Hooli enterprise pricing' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Acme renewal' }));
    // Meanwhile the rep unlocks Acme from its record page.
    await callAs(emulator, 'rep', 'DELETE', `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s/${await lockIdOf(SEED.deals.acmeRenewal)}`);
    await user.click(button('Unlock selected'));
    await user.click(await screen.findByRole('button', { name: 'Yes, unlock' }));
    const report = await screen.findByRole('region', { name: 'Unlocking the selected records' });
    await waitFor(() => expect(report.textContent).toContain('Done.1 record unlocked.1 record was already unlocked by someone else.'));
    expect(report.textContent).not.toMatch(/changed by someone else first|could not be unlocked/);
    expect(report.textContent).toContain('Acme renewal: someone else had already unlocked it.');
    expect(report.textContent).toContain('Hooli enterprise pricing: unlocked.');
    expect(tableRows().some((cells) => cells[1]?.startsWith('Hooli') || cells[1]?.startsWith('Acme'))).toBe(false);
  });

  it('names each failure of a bulk unlock and carries on with the rest', async () => {
    await lockAs('rep', SEED.deals.acmeRenewal, 'Contract at legal');
    const handle = async (request: Request) =>
      request.method === 'DELETE' && request.url.includes(SEED.deals.acmeRenewal)
        ? Response.json({ code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' }, { status: 500 })
        : emulator.handle(request);
    const { user } = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' }, handle });
    await screen.findByRole('table', { name: 'Locked records' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Acme renewal' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Hooli enterprise pricing' }));
    await user.click(button('Unlock selected'));
    await user.click(await screen.findByRole('button', { name: 'Yes, unlock' }));
    const report = await screen.findByRole('region', { name: 'Unlocking the selected records' });
    await waitFor(() => expect(report.textContent).toContain('1 record unlocked.'));
    expect(report.textContent).toContain('Acme renewal: not unlocked. Zoho CRM had an internal error.');
    expect(report.textContent).toContain('1 record could not be unlocked.');
  });

  it('opens a record in CRM from its name', async () => {
    const { user, opened } = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    await user.click(await screen.findByRole('link', { name: 'Hooli enterprise pricing' }));
    expect(opened).toEqual([{ module: 'Deals', recordId: SEED.deals.hooliPricing }]);
  });

  it('offers no checkbox or action on a lock a rule holds', async () => {
    await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    await screen.findByRole('table', { name: 'Locked records' });
    const initech = screen.getAllByRole('row').find((row) => row.textContent?.includes('Initech'));
    expect(initech && within(initech).queryByRole('checkbox')).toBeNull();
    expect(initech && within(initech).queryByRole('button')).toBeNull();
  });
});

describe('the Locked records tab in the large org', () => {
  it('reads one search and one lock per visible record, never all 300', async () => {
    emulator = createEmulator({ seed: 'large' });
    const { calls } = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    await screen.findByRole('table', { name: 'Locked records' });
    await waitFor(() => expect(tableRows()).toHaveLength(PAGE_SIZE));
    const listCalls = calls.filter((call) => call.connection === 'user');
    expect(listCalls.filter((call) => call.url.includes('/search'))).toHaveLength(1);
    expect(listCalls.filter((call) => call.url.includes('Locking_Information__s'))).toHaveLength(PAGE_SIZE);
    expect(listCalls.length).toBeLessThanOrEqual(2 + PAGE_SIZE);
    expect(button('Next page')).toBeTruthy();
  });
});
