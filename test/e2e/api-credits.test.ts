import { describe, expect, it } from 'vitest';
import english from '../../app/translations/en.json';
import { SEED } from '../../server/emulator/index';
import { launchChromium } from '../../server/dev/chromium';
import { useBrowserSuite } from '../support/browser-suite';
import { harnessCalls, setApiLimitReached } from '../support/harness-calls';
import { openRecordPage, recordPageOf, recordPageUrl, WAIT } from '../support/record-page';

/** What a view of a record costs the org in API credits, and what the viewer sees once they are spent. */
const suite = useBrowserSuite();
const rep = 'rep@example.com';

describe('API credits in the browser', () => {
  it('reads the settings once: the next deals the same user opens cost two calls, three when locked', async () => {
    const server = suite.server();
    const first = await openRecordPage(suite.context(), server.url, { user: rep, record: SEED.deals.acmeRenewal });
    await expect.poll(async () => (await harnessCalls(first.page)).length, WAIT).toBeGreaterThanOrEqual(5);

    await first.page.goto(recordPageUrl(server.url, { user: rep, record: SEED.deals.globexExpansion }));
    const second = await recordPageOf(first.page);
    expect(await second.status.innerText()).toContain('Unlocked');
    const unlockedCalls = await harnessCalls(second.page);
    expect(unlockedCalls.map((call) => call.method)).toEqual(['GET', 'GET']);
    expect(unlockedCalls.every((call) => call.path.includes(SEED.deals.globexExpansion))).toBe(true);

    // A lock a person set adds the one read of its open unlock requests.
    await second.page.goto(recordPageUrl(server.url, { user: rep, record: SEED.deals.hooliPricing }));
    const third = await recordPageOf(second.page);
    expect(await third.status.innerText()).toContain('Locked by you');
    await expect.poll(async () => (await harnessCalls(third.page)).length, WAIT).toBe(3);
    const lockedCalls = await harnessCalls(third.page);
    expect(lockedCalls.filter((call) => call.method === 'GET').every((call) => call.path.includes(SEED.deals.hooliPricing))).toBe(true);
    expect(lockedCalls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([expect.stringContaining('/coql')]);
  });

  it('reads the settings on every view, without an error, where the browser gives the frame no storage', async () => {
    const server = suite.server();
    const browser = await launchChromium({ thirdPartyStorage: false });
    try {
      const context = await browser.newContext();
      const first = await openRecordPage(context, server.url, { user: rep, record: SEED.deals.acmeRenewal });
      expect(await first.status.innerText()).toContain('Unlocked');
      await first.page.goto(recordPageUrl(server.url, { user: rep, record: SEED.deals.hooliPricing }));
      const second = await recordPageOf(first.page);
      expect(await second.status.innerText()).toContain('Locked by you');
      await expect.poll(async () => (await harnessCalls(second.page)).length, WAIT).toBeGreaterThanOrEqual(5);
      expect(await second.widget.getByRole('alert').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('says the API limit was reached and when to try again, and loads again once credits are back', async () => {
    const server = suite.server();
    const query = { user: rep, record: SEED.deals.acmeRenewal };
    const view = await openRecordPage(suite.context(), server.url, query);
    await setApiLimitReached(view.page, true);

    await view.page.reload();
    await expect.poll(() => view.widget.getByText(english['error.tooManyRequests']).count(), WAIT).toBe(1);
    await view.widget.getByText(/^Try again after /).waitFor();
    expect(await view.widget.getByRole('button', { name: english['action.retry'] }).count()).toBe(0);

    await setApiLimitReached(view.page, false);
    await expect.poll(() => server.emulator.credits().remaining, WAIT).toBeGreaterThan(0);
    await view.page.reload();
    const again = await recordPageOf(view.page);
    expect(await again.status.innerText()).toContain('Unlocked');
  });
});
