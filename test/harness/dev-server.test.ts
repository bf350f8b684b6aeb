import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { startDevServer, type DevServer } from '../../server/index';

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(origin: string, path: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET', headers: { Host: new URL(origin).host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dev server', () => {
  let server: DevServer;
  let widgetOrigin: string;

  beforeAll(async () => {
    server = await startDevServer({ port: 0, build: false });
    widgetOrigin = new URL(server.widgetUrl).origin;
  });
  afterAll(() => server.close());

  it('serves the CRM page on 127.0.0.1 and the widget on localhost, two origins', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(new URL(server.widgetUrl).hostname).toBe('localhost');
    expect(new URL(server.url).port).toBe(new URL(server.widgetUrl).port);
  });

  it('shows the rep the first open unlocked deal, with the widget frame pointed at the widget origin', async () => {
    const response = await fetch(`${server.url}/`);
    const html = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<h1>Acme renewal</h1>');
    expect(html).toContain('title="Record Lock"');
    expect(html).toContain(`"widgetUrl":"${widgetOrigin}/app/widget.html?serviceOrigin=${encodeURIComponent(server.url)}&frameorigin=`);
    expect(html).toContain('<option value="rep@example.com" selected>');
  });

  it('opens the user, module and record named in the query', async () => {
    const html = await (await fetch(`${server.url}/?user=manager@example.com&module=Deals&record=${SEED.deals.hooliPricing}`)).text();
    expect(html).toContain('<h1>Hooli enterprise pricing</h1>');
    expect(html).toContain('<option value="manager@example.com" selected>');
  });

  it('tells the widget the EU data centre for ?dc=eu', async () => {
    const html = await (await fetch(`${server.url}/?dc=eu`)).text();
    expect(html).toContain('"environment":{"deployment":"EU"');
    expect(html).toContain('name="dc" value="eu"');
  });

  it.each([
    ['ja_JP', 'ja_JP'],
    ['xx_XX', 'en_US'],
  ])('tells the widget the locale %s names (the user’s own when it is not one the widget speaks)', async (asked, told) => {
    const html = await (await fetch(`${server.url}/?user=rep@example.com&locale=${asked}`)).text();
    expect(html).toContain(`"locale":"${told}"`);
    expect(html).not.toContain(`"locale":"${told === 'en_US' ? 'ja_JP' : 'en_US'}"`);
  });

  it('reads a record for API.getRecord in the signed-in user’s session', async () => {
    const query = new URLSearchParams({ user: 'rep@example.com', module: 'Deals', id: SEED.deals.acmeRenewal });
    const answer = await (await fetch(`${server.url}/__harness/record?${query}`)).json();
    expect(answer).toMatchObject({ outcome: 'response', data: { data: [{ id: SEED.deals.acmeRenewal, Deal_Name: 'Acme renewal' }] } });
  });

  it('serves widget.html with the SDK address pointed at the stand-in on the widget origin', async () => {
    const html = await (await fetch(server.widgetUrl)).text();
    expect(html).toContain('<script src="/sdk/ZohoEmbededAppSDK.min.js" defer></script>');
    expect(html).not.toContain('live.zwidgets.com/js-sdk');
    expect(html).toContain('Content-Security-Policy');
  });

  it('lets a browser keep a chunk, whose name carries its content hash, and fetches the page and its entry afresh', async () => {
    const html = await (await fetch(server.widgetUrl)).text();
    const chunk = /href="(js\/chunks\/[^"]+\.js)"/.exec(html)?.[1];
    if (!chunk) throw new Error('widget.html preloads no chunk');
    const base = new URL('.', server.widgetUrl);
    expect((await fetch(new URL(chunk, base))).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(new URL('js/widget.js', base))).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(server.widgetUrl)).headers.get('cache-control')).toBe('no-store');
  });

  it('serves the SDK stand-in as a script defining window.ZOHO', async () => {
    const response = await fetch(`${widgetOrigin}/sdk/ZohoEmbededAppSDK.min.js`);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await response.text()).toContain('.ZOHO =');
  });

  it('answers the emulator under /crm/ for a demo token', async () => {
    const response = await fetch(`${server.url}/crm/v8/users?type=CurrentUser`, {
      headers: { Authorization: 'Zoho-oauthtoken 1000.demo.rep' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ users: [{ email: 'rep@example.com' }] });
  });

  it.each(['/app/..%2fpackage.json', '/app/%2e%2e/package.json', '/app/../../etc/passwd', '/app/js/%00', '/app/nope.js'])(
    'answers 404 for %s',
    async (path) => {
      expect(await rawGet(widgetOrigin, path)).toBe(404);
    },
  );

  it('refuses requests that name another host', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(server.url);
      const req = httpRequest({ hostname: '127.0.0.1', port, path: '/', headers: { Host: `evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('carries out a connection call posted by the harness page, and only from it', async () => {
    const body = JSON.stringify({
      user: 'rep@example.com',
      connection: 'recordlock_user',
      deployment: 'US',
      request: { url: `https://www.zohoapis.com/crm/v8/Deals/${SEED.deals.globexExpansion}/Locking_Information__s?fields=Locked_Reason__s` },
    });
    const fromPage = await fetch(`${server.url}/__harness/invoke`, { method: 'POST', headers: { Origin: server.url, 'Content-Type': 'application/json' }, body });
    expect(await fromPage.json()).toMatchObject({ answer: { outcome: 'response', data: { code: 'SUCCESS' } }, call: { status: 204 } });

    const fromWidget = await fetch(`${server.url}/__harness/invoke`, { method: 'POST', headers: { Origin: widgetOrigin, 'Content-Type': 'application/json' }, body });
    expect(fromWidget.status).toBe(403);
  });
});

describe('dev server start-up', () => {
  it('says which port is busy and how to choose another', async () => {
    const first = await startDevServer({ port: 0, build: false });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startDevServer({ port, build: false })).rejects.toThrow(`Port ${port} is busy`);
      await expect(startDevServer({ port, build: false })).rejects.toThrow('PORT=');
    } finally {
      await first.close();
    }
  });
});
