import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import english from '../../../../app/translations/en.json';
import { createEmulator, SEED, type Emulator } from '../../../../server/emulator/index';
import type { HostRequest } from '../../../../widget/host/host';
import { createMemoryStore } from '../../../../widget/host/storage';
import { openWithActivity } from '../../activity/open-activity';
import { callAs, openOverview, tableRows } from './render-overview';

/**
 * How the Web Tab finds locked records where Zoho's search does not (search, then COQL, then a
 * plain refusal), merges this browser's own recent changes over a search index that lags, and
 * holds on when Zoho's answers fail.
 */
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const DEALS = { 'recordlock.overview.module': 'Deals' };
const finderCalls = (calls: HostRequest[]) =>
  calls.flatMap((call) => (call.url.includes('/search') ? ['search'] : call.url.endsWith('/coql') && JSON.stringify(call.body).includes('Locked__s') ? ['coql'] : []));
const names = () => tableRows().map((cells) => cells[1]);

async function loaded(model: { list: { phase: { value: string } } }) {
  await waitFor(() => expect(model.list.phase.value).toBe('loaded'));
}

describe('the Locked records tab where the search leaves Locked__s out of its index (locked-search-unindexed)', () => {
  beforeEach(() => emulator.setOptions({ variants: ['locked-search-unindexed'] }));

  it('confirms the empty search with COQL, shows the locks it finds, and asks COQL first on the next view', async () => {
    const first = await openOverview(emulator, 'manager', { stored: DEALS });
    await screen.findByRole('table', { name: 'Locked records' });
    await loaded(first.model);
    expect(names()).toEqual(expect.arrayContaining(['Hooli enterprise pricing', 'Initech platform deal']));
    expect(finderCalls(first.calls)).toEqual(['search', 'coql']);

    const again = await openOverview(emulator, 'manager', { store: first.store });
    await screen.findByRole('table', { name: 'Locked records' });
    await loaded(again.model);
    expect(finderCalls(again.calls)).toEqual(['coql']);
  });
});

describe('the Locked records tab’s cost of an empty search', () => {
  it('spends one COQL call to confirm an empty first page, and none on a page with records', async () => {
    const empty = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Leads' } });
    await screen.findByText(english['overview.list.empty']);
    expect(finderCalls(empty.calls)).toEqual(['search', 'coql']);

    const full = await openOverview(emulator, 'manager', { stored: DEALS });
    await screen.findByRole('table', { name: 'Locked records' });
    await loaded(full.model);
    expect(finderCalls(full.calls)).toEqual(['search']);
  });
});

describe('the Locked records tab over a search index that lags (locked-search-lag)', () => {
  beforeEach(() => emulator.setOptions({ variants: ['locked-search-lag'], searchLagSeconds: 600 }));

  it('shows a record just locked on its panel in this browser, which the search does not find yet', async () => {
    const store = createMemoryStore();
    const panel = await openWithActivity(emulator, 'manager', SEED.deals.acmeRenewal, { store });
    await panel.user.click(screen.getByRole('button', { name: 'Lock record' }));
    await panel.user.type(await screen.findByRole('textbox', { name: 'Lock reason' }), 'Contract at legal{Enter}');
    await waitFor(() => expect(screen.getByRole('status', { name: 'Lock status' }).textContent).toContain('Reason: Contract at legal'));

    const searched = await callAs(emulator, 'manager', 'GET', '/Deals/search?criteria=(Locked__s:equals:true)&fields=Deal_Name');
    expect(searched?.data.map((record) => record.id)).not.toContain(SEED.deals.acmeRenewal);
    await waitFor(() => expect(store.get(`recordlock.recent:5843104000000000001:${panel.model.user.value?.id}`)).not.toBeNull());

    store.set('recordlock.overview.module', 'Deals');
    const tab = await openOverview(emulator, 'manager', { store });
    await screen.findByRole('table', { name: 'Locked records' });
    await loaded(tab.model);
    const acme = tableRows().find((cells) => cells[1] === 'Acme renewal');
    expect(acme?.[2]).toBe('Contract at legal');
  });

  it('does not bring back a record it just unlocked, nor count it as unlocked by someone since', async () => {
    const first = await openOverview(emulator, 'manager', { stored: DEALS });
    await screen.findByRole('table', { name: 'Locked records' });
    await first.user.click(within(screen.getAllByRole('row').find((row) => row.textContent?.includes('Hooli')) as HTMLElement).getByRole('button', { name: 'Unlock record' }));
    await first.user.click(await screen.findByRole('button', { name: 'Yes, unlock' }));
    await waitFor(() => expect(names()).not.toContain('Hooli enterprise pricing'));

    const searched = await callAs(emulator, 'manager', 'GET', '/Deals/search?criteria=(Locked__s:equals:true)&fields=Deal_Name');
    expect(searched?.data.map((record) => record.id)).toContain(SEED.deals.hooliPricing);

    const again = await openOverview(emulator, 'manager', { store: first.store });
    await screen.findByRole('table', { name: 'Locked records' });
    await loaded(again.model);
    expect(names()).not.toContain('Hooli enterprise pricing');
    expect(again.model.list.dropped.value).toBe(0);
    expect(screen.queryByText(/unlocked since/)).toBeNull();
  });

  it('still shows a record it unlocked that someone locked again since', async () => {
    const first = await openOverview(emulator, 'manager', { stored: DEALS });
    await screen.findByRole('table', { name: 'Locked records' });
    await first.user.click(within(screen.getAllByRole('row').find((row) => row.textContent?.includes('Hooli')) as HTMLElement).getByRole('button', { name: 'Unlock record' }));
    await first.user.click(await screen.findByRole('button', { name: 'Yes, unlock' }));
    await waitFor(() => expect(names()).not.toContain('Hooli enterprise pricing'));
    await callAs(emulator, 'rep', 'POST', `/Deals/${SEED.deals.hooliPricing}/Locking_Information__s`, { data: [{ Locked_Reason__s: 'Back under review' }] });

    const again = await openOverview(emulator, 'manager', { store: first.store });
    await screen.findByRole('table', { name: 'Locked records' });
    await loaded(again.model);
    expect(tableRows().find((cells) => cells[1] === 'Hooli enterprise pricing')?.[2]).toBe('Back under review');
  });
});

describe('the Locked records tab when Zoho’s answers fail', () => {
  it('says too many calls ran at once when Zoho refuses lock reads with RATE_LIMIT_EXCEEDED, keeps the rows read and waits before Try again', async () => {
    emulator.setOptions({ variants: ['rate-limit-exceeded'] });
    let refusals = 2;
    const handle = async (request: Request) => {
      if (request.url.includes('Locking_Information__s') && refusals > 0) {
        refusals--;
        const headers = new Headers(request.headers);
        headers.set('X-Emulator-Fault', 'concurrency');
        return emulator.handle(new Request(request, { headers }));
      }
      return emulator.handle(request);
    };
    const { model } = await openOverview(emulator, 'manager', { stored: DEALS, handle });
    await loaded(model);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(english['error.tooManyAtOnce']);
    expect(alert.textContent).toMatch(/Try again after /);
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(model.list.unread.value).toHaveLength(2);
    expect(tableRows().length).toBeGreaterThan(0);
  });

  it('names the scopes the search needs and where an administrator adds them when Zoho refuses its scope', async () => {
    const handle = async (request: Request) =>
      request.url.includes('/search')
        ? Response.json({ code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: 'invalid oauth scope to access this URL', status: 'error' }, { status: 401 })
        : emulator.handle(request);
    await openOverview(emulator, 'manager', { stored: DEALS, handle });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Zoho CRM refused GET /crm/v8/Deals/search: the connection recordlock_user lacks a scope this call needs.');
    expect(alert.textContent).toContain('It needs ZohoCRM.modules.deals.READ, ZohoSearch.securesearch.READ.');
    expect(alert.textContent).toContain('Setup > Developer Hub > Connections');
  });

  it('keeps the rows on screen when loading them again meets an answer it cannot read, and names the call', async () => {
    let odd = false;
    const handle = async (request: Request) =>
      odd && request.url.includes('/search') ? Response.json({ data: [{ Deal_Name: 'no id' }], info: {} }) : emulator.handle(request);
    const { model } = await openOverview(emulator, 'manager', { stored: DEALS, handle });
    await screen.findByRole('table', { name: 'Locked records' });
    await loaded(model);
    const before = names();
    odd = true;
    await model.reload();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Zoho CRM answered in a way this version of Record Lock does not understand.');
    expect(alert.textContent).toContain('with the call: GET /crm/v8/Deals/search.');
    expect(names()).toEqual(before);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
