import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { callLogRow } from '../../server/harness/page/call-log-row';
import { startDevServer, type DevServer } from '../../server/index';

const connectionCall = JSON.stringify({
  user: 'rep@example.com',
  connection: 'recordlock_user',
  deployment: 'US',
  request: { url: `https://www.zohoapis.com/crm/v8/Deals/${SEED.deals.globexExpansion}/Locking_Information__s?fields=Locked_Reason__s` },
});

describe('the record page’s "API limit reached" switch', () => {
  let server: DevServer;
  const post = (path: string, body: string, origin = server.url) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body });
  const setReached = (reached: boolean) => post('/__harness/api-limit', JSON.stringify({ reached }));

  beforeAll(async () => {
    server = await startDevServer({ port: 0, build: false });
  });
  afterAll(() => server.close());

  it('makes the widget’s connection calls answer 429 TOO_MANY_REQUESTS, and gives the credits back when cleared', async () => {
    expect(await (await setReached(true)).json()).toEqual({ reached: true });
    const refused = await (await post('/__harness/invoke', connectionCall)).json();
    expect(refused.call.status).toBe(429);
    expect(JSON.stringify(refused.answer.data)).toContain('TOO_MANY_REQUESTS');

    expect(await (await setReached(false)).json()).toEqual({ reached: false });
    expect((await (await post('/__harness/invoke', connectionCall)).json()).call.status).toBe(204);
    expect(server.emulator.credits().remaining).toBe(server.emulator.credits().allowance - 1);
  });

  it('still shows the record page, whose own reads spend no credits, and shows the switch on', async () => {
    await setReached(true);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<input type="checkbox" data-api-limit checked \/> API limit reached/);
    await setReached(false);
    const before = server.emulator.credits().remaining;
    expect(await (await fetch(server.url)).text()).toMatch(/<input type="checkbox" data-api-limit \/> API limit reached/);
    expect(server.emulator.credits().remaining).toBe(before);
  });

  it('takes the switch from the harness page only, and only a boolean', async () => {
    const widgetOrigin = new URL(server.widgetUrl).origin;
    expect((await post('/__harness/api-limit', JSON.stringify({ reached: true }), widgetOrigin)).status).toBe(403);
    expect((await post('/__harness/api-limit', JSON.stringify({ reached: 'yes' }))).status).toBe(400);
    expect(server.emulator.credits().remaining).toBeGreaterThan(0);
  });
});

describe('the call log', () => {
  const entry = { connection: 'recordlock_user', method: 'GET', path: '/crm/v8/Deals/1/Locking_Information__s?fields=id', durationMs: 12 };

  it.each([
    [200, '200', ''],
    [429, '429 limit', 'is-limited'],
    [400, '400', 'is-error'],
    [null, 'dropped', 'is-error'],
  ])('shows an answer of HTTP %s as "%s" in a row styled "%s"', (status, text, className) => {
    const row = callLogRow({ ...entry, status }, '10:00:00');
    expect(row.cells).toEqual(['10:00:00', 'GET', '/Deals/1/Locking_Information__s', text, '12']);
    expect(row.className).toBe(className);
  });
});
