import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { useBrowserSuite } from '../support/browser-suite';
import { harnessCalls, setApiLimitReached } from '../support/harness-calls';
import { openRecordPage, recordPageUrl, WAIT } from '../support/record-page';

const suite = useBrowserSuite();
const query = { user: 'rep@example.com', record: SEED.deals.acmeRenewal };
const SWITCH = 'API limit reached';

describe('the record page’s API limit switch in the browser', () => {
  it('makes the widget’s calls answer 429, shown apart in the call log, until it is turned off', async () => {
    const server = suite.server();
    const view = await openRecordPage(suite.context(), server.url, query);
    await setApiLimitReached(view.page, true);
    expect(await view.page.getByLabel(SWITCH).isChecked()).toBe(true);

    await view.page.reload();
    await expect.poll(async () => (await harnessCalls(view.page)).some((c) => c.status === 429), WAIT).toBe(true);
    expect(await view.page.getByLabel(SWITCH).isChecked()).toBe(true);
    const limited = view.page.locator('#call-log tr.is-limited');
    await expect.poll(() => limited.count(), WAIT).toBeGreaterThan(0);
    expect(await limited.first().innerText()).toContain('429 limit');

    await view.page.getByLabel(SWITCH).uncheck();
    await expect.poll(() => server.emulator.credits().remaining, WAIT).toBeGreaterThan(0);
    await view.page.goto(recordPageUrl(server.url, query));
    await view.page.frameLocator('#record-lock-frame').getByRole('status', { name: 'Lock status' }).waitFor();
    expect((await harnessCalls(view.page)).every((c) => c.status !== 429)).toBe(true);
  });
});
