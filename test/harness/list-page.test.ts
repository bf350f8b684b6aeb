import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { renderListPage } from '../../server/harness/list-page';
import type { ListPageData } from '../../server/harness/list-page-data';
import { PAGE_CONFIG_ELEMENT_ID, pageConfigSchema } from '../../server/harness/page-config';
import { listViewPageLoad, selectAllState, selectionLabel } from '../../server/harness/page/list-selection';
import { startDevServer, type DevServer } from '../../server/index';

const configOf = (html: string) => {
  const json = new RegExp(`<script type="application/json" id="${PAGE_CONFIG_ELEMENT_ID}">(.*?)</script>`).exec(html)?.[1];
  return pageConfigSchema.parse(JSON.parse(json ?? 'null'));
};
/** The table's body rows, each as its cells' text. */
const rowsOf = (html: string): string[][] =>
  [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, '').trim()),
  );

describe('the harness’s list view (/list)', () => {
  let server: DevServer;
  let widgetOrigin: string;
  const get = async (query: string) => (await fetch(`${server.url}/list?${query}`)).text();

  beforeAll(async () => {
    server = await startDevServer({ port: 0, build: false });
    widgetOrigin = new URL(server.widgetUrl).origin;
  });
  afterAll(() => server.close());

  it('lists the module’s records with their owner, stage and lock, as the CRM’s own page reads them', async () => {
    const html = await get('user=rep@example.com&module=Deals');
    expect(rowsOf(html)).toContainEqual(['', 'Hooli enterprise pricing', 'Rita Rep', 'Proposal/Price Quote', 'Locked']);
    expect(rowsOf(html)).toContainEqual(['', 'Acme renewal', 'Rita Rep', 'Negotiation/Review', '']);
    expect(rowsOf(html)).toContainEqual(['', 'Tyrell data migration', 'Fiona Former', 'Negotiation/Review', 'Locked']);
    expect(rowsOf(html)).toHaveLength(10);
    // The page's own reads spend none of the org's API credits.
    expect(server.emulator.credits().remaining).toBe(server.emulator.credits().allowance);
  });

  it('offers a checkbox per record carrying its id, one for all, and the extension’s button in the toolbar', async () => {
    const html = await get('user=rep@example.com&module=Deals');
    expect(html).toContain(`<input type="checkbox" data-record-id="${SEED.deals.hooliPricing}" aria-label="Select Hooli enterprise pricing" />`);
    expect(html).toContain('<input type="checkbox" data-select-all aria-label="Select all" />');
    expect(html).toContain('<button type="button" class="list-button" data-list-button>Lock records</button>');
    expect(html).toMatch(/<div class="crm-popup" data-popup hidden>\s*<div class="crm-popup-box" role="dialog" aria-modal="true"/);
  });

  it('points the popup at app/list.html on the widget’s origin with serviceOrigin, as the record page frames the panel', async () => {
    const response = await fetch(`${server.url}/list?user=manager@example.com&module=Deals`);
    expect(response.headers.get('content-security-policy')).toContain(`frame-src ${widgetOrigin}`);
    expect(configOf(await response.text())).toMatchObject({
      page: 'list',
      user: 'manager@example.com',
      module: 'Deals',
      recordId: null,
      widgetUrl: `${widgetOrigin}/app/list.html?serviceOrigin=${encodeURIComponent(server.url)}&frameorigin=${encodeURIComponent(server.url)}`,
    });
  });

  it('links each record to its detail page and sits in the menu as the current module, for the same session', async () => {
    const html = await get('user=manager@example.com&module=Deals&dc=eu&latency=100');
    expect(html).toContain(`<a href="/?user=manager%40example.com&amp;module=Deals&amp;record=${SEED.deals.hooliPricing}&amp;dc=eu&amp;latency=100">Hooli enterprise pricing</a>`);
    expect(html).toContain('<a class="crm-tab is-current" href="/list?user=manager%40example.com&amp;module=Deals&amp;dc=eu&amp;latency=100">Deals</a>');
    expect(html).toContain('<a class="crm-tab" href="/tab?user=manager%40example.com&amp;module=Deals&amp;dc=eu&amp;latency=100">Locked records</a>');
  });

  it('hands &variant= to its script for the popup’s connection calls, and keeps it in its links and switches', async () => {
    const variant = encodeURIComponent('task-picklists,notes-unsorted');
    const html = await get(`user=rep@example.com&module=Deals&variant=${variant}&theme=night`);
    expect(configOf(html).variant).toBe('task-picklists,notes-unsorted');
    expect(html).toContain('<input type="hidden" name="variant" value="task-picklists,notes-unsorted" />');
    const kept = `variant=task-picklists%2Cnotes-unsorted&amp;theme=night`;
    expect(html).toContain(`<a href="/?user=rep%40example.com&amp;module=Deals&amp;record=${SEED.deals.hooliPricing}&amp;${kept}">Hooli enterprise pricing</a>`);
    expect(html).toContain(`<a class="crm-tab is-current" href="/list?user=rep%40example.com&amp;module=Deals&amp;${kept}">Deals</a>`);
    expect(html).toContain(`<a class="crm-tab" href="/tab?user=rep%40example.com&amp;module=Deals&amp;${kept}">Locked records</a>`);
    expect(configOf(await get(`user=rep@example.com&module=Deals&variant=${encodeURIComponent('<b>')}`)).variant).toBeNull();
    expect(await get('user=rep@example.com&module=Deals')).not.toContain('name="variant"');
  });

  it('is in the record page’s menu, for the same user', async () => {
    const html = await (await fetch(`${server.url}/?user=admin@example.com&module=Deals`)).text();
    expect(html).toContain('<a class="crm-tab is-current" href="/list?user=admin%40example.com&amp;module=Deals">Deals</a>');
  });

  it('shows itself at night, reports the night theme to the widget, and keeps it in its links', async () => {
    const html = await get('user=rep@example.com&module=Deals&theme=night');
    expect(html).toContain('<body class="is-night">');
    expect(configOf(html).theme).toBe('night');
    expect(html).toContain('<input type="checkbox" name="theme" value="night" data-theme-switch checked />');
    expect(html).toContain('href="/tab?user=rep%40example.com&amp;module=Deals&amp;theme=night"');
    expect(await get('user=rep@example.com&module=Deals&theme=dusk')).toContain('<body>');
  });

  it.each([
    ['the record page', '/?user=rep@example.com&theme=night'],
    ['the web tab', '/tab?user=rep@example.com&theme=night'],
  ])('reports the night theme on %s too', async (_page, path) => {
    expect(configOf(await (await fetch(`${server.url}${path}`)).text()).theme).toBe('night');
  });

  it('falls back to the rep and Deals for an unknown user or module', async () => {
    expect(configOf(await get('user=nobody@example.com&module=Nope'))).toMatchObject({ user: 'rep@example.com', module: 'Deals' });
  });
});

describe('the list view of the large org', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer({ port: 0, build: false, emulatorOptions: { seed: 'large' } });
  });
  afterAll(() => server.close());

  it('shows 100 records a page, with a way to the next page and back', async () => {
    const first = await (await fetch(`${server.url}/list?user=rep@example.com&module=Deals`)).text();
    expect(rowsOf(first)).toHaveLength(100);
    expect(first).toContain('<a href="/list?user=rep%40example.com&amp;module=Deals&amp;page=2">Next</a>');
    const withVariant = await (await fetch(`${server.url}/list?user=rep@example.com&module=Deals&variant=notes-unsorted`)).text();
    expect(withVariant).toContain('<a href="/list?user=rep%40example.com&amp;module=Deals&amp;page=2&amp;variant=notes-unsorted">Next</a>');
    const last = await (await fetch(`${server.url}/list?user=rep@example.com&module=Deals&page=20`)).text();
    expect(rowsOf(last)).toHaveLength(100);
    expect(last).toContain('<a href="/list?user=rep%40example.com&amp;module=Deals&amp;page=19">Previous</a>');
    expect(last).not.toContain('>Next</a>');
  });
});

describe('the list view’s markup', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>';
  const data: ListPageData = {
    users: [{ email: 'rep@example.com', name: 'Rita Rep', profileName: 'Sales Rep' }],
    user: { email: 'rep@example.com', name: 'Rita Rep', profileName: 'Sales Rep' },
    deployment: 'US',
    latencyMs: null,
    variant: null,
    locale: null,
    theme: 'day',
    currentUser: { users: [] },
    org: { org: [] },
    module: 'Deals',
    modules: ['Deals'],
    nameLabel: 'Deal Name',
    rows: [{ id: '42', name: HOSTILE, owner: HOSTILE, state: HOSTILE, locked: false, href: '/?record=42' }],
    page: 1,
    moreRecords: false,
  };

  it('renders record names, owners and stages as text, never as markup', () => {
    const html = renderListPage(data, { harness: 'http://127.0.0.1:5000', widget: 'http://localhost:5000' });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('aria-label="Select &lt;img src=x onerror=alert(1)&gt;"');
  });

  it('says so when the module has no records', () => {
    const html = renderListPage({ ...data, rows: [] }, { harness: 'http://127.0.0.1:5000', widget: 'http://localhost:5000' });
    expect(html).toContain('This module has no records in the local CRM.');
  });
});

describe('the list view’s selection', () => {
  it.each([
    [[], { Entity: 'Deals', EntityId: [], ButtonPosition: 'ListView' }],
    [['5843104000000410001', '5843104000000410005'], { Entity: 'Deals', EntityId: ['5843104000000410001', '5843104000000410005'], ButtonPosition: 'ListView' }],
  ])('hands the button’s widget the selection %j as Zoho’s list-view PageLoad', (ids, pageLoad) => {
    expect(listViewPageLoad('Deals', ids)).toEqual(pageLoad);
  });

  it.each([
    [0, '0 records selected'],
    [1, '1 record selected'],
    [2, '2 records selected'],
  ])('counts %i selected as “%s”', (count, label) => {
    expect(selectionLabel(count)).toBe(label);
  });

  it.each([
    [0, 3, { checked: false, indeterminate: false }],
    [2, 3, { checked: false, indeterminate: true }],
    [3, 3, { checked: true, indeterminate: false }],
    [0, 0, { checked: false, indeterminate: false }],
  ])('shows the select-all box for %i of %i selected as %j', (selected, total, state) => {
    expect(selectAllState(selected, total)).toEqual(state);
  });
});
