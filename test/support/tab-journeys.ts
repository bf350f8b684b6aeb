import { expect } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { locksOn } from './emulator-locks';
import { openRecordPage, WAIT } from './record-page';
import { listedNames, openTabOn } from './tab-page';
import type { Journey } from './variant-journey';

/** The "Locked records" web tab's journeys of the variant matrix. */

const REP = 'rep@example.com';

/** Every deal of the demo org, by name. */
const DEALS = [
  'Acme renewal',
  'Globex expansion',
  'Initech platform deal',
  'Umbrella support contract',
  'Hooli enterprise pricing',
  'Soylent discount',
  'Stark site survey',
  'Wayne retrofit',
  'Cyberdyne service renewal',
  'Tyrell data migration',
] as const;

/** The deals the demo org holds locked: two by the rule, Rita Rep's, and Fiona Former's two. */
const SEEDED_LOCKED = ['Initech platform deal', 'Umbrella support contract', 'Hooli enterprise pricing', 'Cyberdyne service renewal', 'Tyrell data migration'];

const inDemoOrder = (names: readonly string[]): string[] => DEALS.filter((name) => names.includes(name));

/**
 * The rep locks a deal in its panel, then opens the web tab in the same browser: the org's locked
 * deals are listed, the one she just locked among them (under `locked-search-lag` Zoho's index does not
 * have it yet: the tab knows it from this browser).
 */
export const tabListJourney: Journey = async (run) => {
  const query = { user: REP, record: SEED.deals.acmeRenewal, variant: run.variant };
  const panel = await openRecordPage(run.context, run.serverUrl, query);
  await panel.widget.getByRole('button', { name: 'Lock record' }).click();
  await panel.widget.getByRole('textbox', { name: 'Lock reason' }).fill('Quarter close');
  await panel.widget.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => panel.status.innerText(), WAIT).toContain('Reason: Quarter close');

  const tab = await openTabOn(await run.context.newPage(), run.serverUrl, { user: REP, variant: run.variant, pick: 'Deals' });
  const expected = inDemoOrder([...SEEDED_LOCKED, 'Acme renewal']);
  await expect.poll(() => listedNames(tab, DEALS), WAIT).toEqual(expected);
  const acme = tab.getByRole('row').filter({ hasText: 'Acme renewal' });
  expect(await acme.innerText()).toContain('Quarter close');
};

/**
 * The rep unlocks two deals locked by hand from the tab at once, confirms, reads the summary, and
 * the tab opened again lists the rest only (under `locked-search-lag` the index still has the two).
 */
export const bulkUnlockJourney: Journey = async (run) => {
  const page = await run.context.newPage();
  const tab = await openTabOn(page, run.serverUrl, { user: REP, variant: run.variant, pick: 'Deals' });
  await expect.poll(() => listedNames(tab, DEALS), WAIT).toEqual(SEEDED_LOCKED);

  await tab.getByRole('checkbox', { name: 'Select Hooli enterprise pricing' }).check();
  await tab.getByRole('checkbox', { name: 'Select Cyberdyne service renewal' }).check();
  await tab.getByRole('button', { name: 'Unlock selected' }).click();
  await tab.getByRole('group', { name: /^Unlock 2 selected records\?/ }).getByRole('button', { name: 'Yes, unlock' }).click();
  const report = tab.getByRole('region', { name: 'Unlocking the selected records' });
  await expect.poll(() => report.innerText(), WAIT).toContain('Done.');
  const summary = await report.innerText();
  expect(summary).toContain('2 records unlocked.');
  expect(summary).toContain('Hooli enterprise pricing: unlocked.');
  expect(summary).toContain('Cyberdyne service renewal: unlocked.');
  expect(locksOn(run.emulator, 'Deals', SEED.deals.hooliPricing)).toEqual([]);
  expect(locksOn(run.emulator, 'Deals', SEED.deals.cyberdyneFormerLocker)).toEqual([]);

  const again = await openTabOn(page, run.serverUrl, { user: REP, variant: run.variant, pick: 'Deals' });
  const rest = SEEDED_LOCKED.filter((name) => !name.startsWith('Hooli') && !name.startsWith('Cyberdyne'));
  await expect.poll(() => listedNames(again, DEALS), WAIT).toEqual(rest);
};
