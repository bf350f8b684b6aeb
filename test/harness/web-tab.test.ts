import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../server/emulator/seed-ids';
import { SEED } from '../../server/emulator/index';
import { createDevApp, STAND_IN_SDK_PATH } from '../../server/dev/dev-app';
import { PAGE_CONFIG_ELEMENT_ID, pageConfigSchema } from '../../server/harness/page-config';
import { startDevServer, type DevServer } from '../../server/index';

const configOf = (html: string) => {
  const json = new RegExp(`<script type="application/json" id="${PAGE_CONFIG_ELEMENT_ID}">(.*?)</script>`).exec(html)?.[1];
  return pageConfigSchema.parse(JSON.parse(json ?? 'null'));
};

describe('the harness’s "Locked records" web tab', () => {
  let server: DevServer;
  let widgetOrigin: string;

  beforeAll(async () => {
    server = await startDevServer({ port: 0, build: false, emulatorOptions: { seed: 'large' } });
    widgetOrigin = new URL(server.widgetUrl).origin;
  });
  afterAll(() => server.close());

  it('frames overview.html from the widget origin with serviceOrigin, as Zoho frames a web tab, with no record', async () => {
    const response = await fetch(`${server.url}/tab?user=manager@example.com&module=Deals`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toContain(`frame-src ${widgetOrigin}`);
    expect(html).toContain('<iframe id="record-lock-frame" class="widget-frame webtab-frame" title="Locked records">');
    expect(configOf(html)).toMatchObject({
      page: 'tab',
      user: 'manager@example.com',
      recordId: null,
      widgetUrl: `${widgetOrigin}/app/overview.html?serviceOrigin=${encodeURIComponent(server.url)}&frameorigin=${encodeURIComponent(server.url)}`,
    });
  });

  it('shows the tab as the current one in the menu, beside links to each module’s list view', async () => {
    const html = await (await fetch(`${server.url}/tab?user=manager@example.com&module=Deals&dc=eu`)).text();
    expect(html).toContain('<a class="crm-tab is-current" aria-current="page" href="">Locked records</a>');
    expect(html).toContain('<a class="crm-tab" href="/list?user=manager%40example.com&amp;module=Deals&amp;dc=eu">Deals</a>');
    expect(html).toContain('<option value="manager@example.com" selected>');
    expect(configOf(html).environment).toMatchObject({ deployment: 'EU' });
  });

  it.each([
    ['the web tab', '/tab?user=rep@example.com&module=Deals'],
    ['the record page', '/?user=rep@example.com&module=Deals'],
  ])('hands &variant= of %s to its script, for the widget’s connection calls', async (_page, path) => {
    const withVariant = await (await fetch(`${server.url}${path}&variant=${encodeURIComponent('locked-search-lag, notes-unsorted')}`)).text();
    expect(configOf(withVariant).variant).toBe('locked-search-lag, notes-unsorted');
    expect(withVariant).toContain('<input type="hidden" name="variant" value="locked-search-lag, notes-unsorted" />');
    expect(configOf(await (await fetch(`${server.url}${path}&variant=${encodeURIComponent('<b>')}`)).text()).variant).toBeNull();
    expect(configOf(await (await fetch(`${server.url}${path}`)).text()).variant).toBeNull();
  });

  it('falls back to the rep and Deals for an unknown user or module', async () => {
    const html = await (await fetch(`${server.url}/tab?user=nobody@example.com&module=Nope`)).text();
    expect(configOf(html)).toMatchObject({ user: 'rep@example.com', module: 'Deals' });
  });

  it('is in the record page’s menu, for the same user and module', async () => {
    const html = await (await fetch(`${server.url}/?user=admin@example.com&module=Deals`)).text();
    expect(html).toContain('<a class="crm-tab" href="/tab?user=admin%40example.com&amp;module=Deals">Locked records</a>');
    expect(configOf(html).page).toBe('record');
  });

  it('opens a deal of the large org past the first 200, as Record.open from the tab does', async () => {
    // The last generated deal: 2,000 deals less the demo org's ten.
    const last = seedId(501990);
    const html = await (await fetch(`${server.url}/?user=manager@example.com&module=Deals&record=${last}`)).text();
    expect(configOf(html).recordId).toBe(last);
    expect(html).toMatch(/<h1>[^<]+#1990<\/h1>/);
    expect(configOf((await (await fetch(`${server.url}/?module=Deals&record=${SEED.deals.hooliPricing}`)).text())).recordId).toBe(SEED.deals.hooliPricing);
  });
});

describe('the dev server’s app pages', () => {
  const appDir = mkdtempSync(join(tmpdir(), 'record-lock-app-'));
  const origins = { harness: 'http://127.0.0.1:5000', widget: 'http://localhost:5000' };
  const app = createDevApp({
    appDir,
    origins: () => origins,
    emulator: async () => new Response(null, { status: 204 }),
    harness: async () => null,
    bundle: async () => '',
  });
  afterAll(() => rmSync(appDir, { recursive: true, force: true }));

  it.each(['overview', 'list', 'a-later-page'])('serves %s.html with Zoho’s SDK address pointed at the stand-in, like widget.html (any app/<name>.html)', async (page) => {
    writeFileSync(
      join(appDir, `${page}.html`),
      `<script src="https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js"></script><script src="js/${page}.js" defer></script>`,
    );
    const html = await (await app(new Request(`${origins.widget}/app/${page}.html`))).text();
    expect(html).toBe(`<script src="${STAND_IN_SDK_PATH}"></script><script src="js/${page}.js" defer></script>`);
  });

  it.each(['widget', 'list'])('answers the static server’s 404 for %s.html while app/ does not hold it (a list button’s popup then shows it)', async (page) => {
    rmSync(join(appDir, `${page}.html`), { force: true });
    expect((await app(new Request(`${origins.widget}/app/${page}.html?serviceOrigin=x`))).status).toBe(404);
  });
});
