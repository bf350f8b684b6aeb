import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED, type Emulator } from '../../server/emulator/index';
import { axeViolations, describeViolations } from '../support/axe';
import { useBrowserSuite } from '../support/browser-suite';
import { WAIT, WIDGET_FRAME } from '../support/record-page';

const suite = useBrowserSuite();

/** A call to the emulator as another person's browser would make it, with that demo user's token. */
async function callAs(emulator: Emulator, token: string, method: string, path: string, body?: unknown) {
  const response = await emulator.handle(
    new Request(`http://127.0.0.1/crm/v8${path}`, {
      method,
      headers: { Authorization: `Zoho-oauthtoken ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return response.status === 204 ? null : ((await response.json()) as { data: { id: string }[] });
}

const REP = '1000.demo.rep';

async function openTab(page: Page) {
  await page.goto(`${suite.server().url}/tab?user=manager@example.com&module=Deals`);
  const tab = page.frameLocator(WIDGET_FRAME);
  const picker = tab.getByRole('combobox', { name: 'Module' });
  await picker.waitFor();
  // By keyboard: a closed select takes an option's first letter. One letter, once Deals is listed: a
  // word typed slower than the browser's type-ahead pause would be read as letters of other modules.
  await picker.getByRole('option', { name: 'Deals' }).waitFor({ state: 'attached', ...WAIT });
  await picker.focus();
  await page.keyboard.press('D');
  await expect.poll(() => picker.inputValue(), WAIT).toBe('Deals');
  await tab.getByRole('table', { name: 'Locked records' }).waitFor();
  return tab;
}

describe('the Locked records web tab in the harness', () => {
  it('lets the manager, by keyboard only, pick Deals, filter by rule, see the open unlock requests and unlock two manual locks at once, one unlocked by someone else in between', async () => {
    const emulator = suite.server().emulator;
    await callAs(emulator, REP, 'POST', `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`, { data: [{ Locked_Reason__s: 'Contract at legal' }] });
    const page = await suite.context().newPage();
    const tab = await openTab(page);
    const rows = tab.getByRole('table', { name: 'Locked records' }).getByRole('row');

    const source = tab.getByRole('combobox', { name: 'Source' });
    await source.focus();
    await page.keyboard.type('By a');
    await expect.poll(() => source.inputValue(), WAIT).toBe('rule');
    await expect.poll(async () => (await rows.allTextContents()).slice(1).every((text) => text.includes('Closed Won deals')), WAIT).toBe(true);
    expect((await rows.allTextContents()).join()).not.toContain('Hooli');
    await page.keyboard.press('Home');
    await expect.poll(() => source.inputValue(), WAIT).toBe('any');
    // The open unlock requests column: Ivo Intern's request on the Hooli deal.
    const hooliRow = tab.getByRole('row').filter({ hasText: 'Hooli enterprise pricing' });
    await expect.poll(async () => (await hooliRow.getByRole('cell').allTextContents())[6], WAIT).toBe('1');

    const hooli = tab.getByRole('checkbox', { name: 'Select Hooli enterprise pricing' });
    const acme = tab.getByRole('checkbox', { name: 'Select Acme renewal' });
    await hooli.focus();
    await page.keyboard.press('Space');
    await acme.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => acme.isChecked(), WAIT).toBe(true);

    // Meanwhile the rep unlocks Acme from its record page.
    const acmeLock = await callAs(emulator, REP, 'GET', `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s?fields=Locked_Reason__s`);
    await callAs(emulator, REP, 'DELETE', `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s/${acmeLock?.data[0]?.id ?? ''}`);

    await tab.getByRole('button', { name: 'Unlock selected' }).focus();
    await page.keyboard.press('Enter');
    await tab.getByRole('button', { name: 'Yes, unlock' }).focus();
    await page.keyboard.press('Enter');
    const report = tab.getByRole('region', { name: 'Unlocking the selected records' });
    await expect.poll(() => report.textContent(), WAIT).toContain('Done.1 record unlocked.1 record was already unlocked by someone else.');
    expect(await report.textContent()).toContain('Acme renewal: someone else had already unlocked it.');

    const frame = page.frames().find((f) => new URL(f.url(), 'about:blank').pathname === '/app/overview.html');
    if (!frame) throw new Error('The web tab frame is not in the page');
    expect(describeViolations(await axeViolations(frame))).toEqual([]);
  });
});
