import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Frame } from 'playwright-core';
import { SEED } from '../../server/emulator/index';
import { axeViolations, describeViolations } from '../support/axe';
import { useBrowserSuite } from '../support/browser-suite';
import { failNextCall } from '../support/harness-calls';
import { openRecordPage, WIDGET_FRAME, type RecordPage, type RecordPageQuery } from '../support/record-page';

const suite = useBrowserSuite();

const germanStatusLabel = z
  .object({ 'status.label': z.string() })
  .parse(JSON.parse(readFileSync(new URL('../../app/translations/de.json', import.meta.url), 'utf8')))['status.label'];

interface WidgetState {
  state: string;
  query: RecordPageQuery;
  statusName?: string;
  /** Brings the widget into the state after the status shows. */
  reach?(view: RecordPage): Promise<void>;
}

const rep = 'rep@example.com';
const manager = 'manager@example.com';

const STATES: WidgetState[] = [
  { state: 'unlocked', query: { user: rep, record: SEED.deals.acmeRenewal } },
  {
    state: 'lock form open',
    query: { user: rep, record: SEED.deals.acmeRenewal },
    async reach({ widget }) {
      await widget.getByRole('button', { name: 'Lock record' }).click();
      await widget.getByRole('textbox', { name: 'Lock reason' }).waitFor();
    },
  },
  { state: 'locked by hand', query: { user: manager, record: SEED.deals.hooliPricing } },
  { state: 'locked by a rule', query: { user: manager, record: SEED.deals.initechClosedWon } },
  {
    state: 'unlock confirmation open',
    query: { user: manager, record: SEED.deals.hooliPricing },
    async reach({ widget }) {
      await widget.getByRole('button', { name: 'Unlock record' }).click();
      await widget.getByRole('group', { name: 'Unlock this record?' }).waitFor();
    },
  },
  { state: 'intern without the lock permission', query: { user: 'intern@example.com', record: SEED.deals.hooliPricing }, statusName: germanStatusLabel },
  { state: 'no locking configuration', query: { user: manager, module: 'Contacts', record: SEED.contacts.aliceSmith } },
  {
    state: 'error shown',
    query: { user: rep, record: SEED.deals.acmeRenewal },
    async reach({ page, widget }) {
      await widget.getByRole('button', { name: 'Lock record' }).click();
      await widget.getByRole('textbox', { name: 'Lock reason' }).fill('Waiting for the signed renewal');
      await failNextCall(page, 'error');
      await widget.getByRole('button', { name: 'Save' }).click();
      await widget.getByRole('alert').getByRole('button', { name: 'Try again' }).waitFor();
    },
  },
];

describe('the widget under axe-core', () => {
  it.each(STATES)('finds no violations when $state', async ({ query, statusName, reach }) => {
    const view = await openRecordPage(suite.context(), suite.server().url, query, statusName ? { statusName } : {});
    await reach?.(view);
    expect(describeViolations(await axeViolations(view.widgetFrame()))).toEqual([]);
  });
});

/** Waits until the night palette applies: Zoho's answer came and css/night.css loaded. */
async function nightShown(frame: Frame): Promise<void> {
  await expect
    .poll(() => frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme), { timeout: 10_000 })
    .toBe('dark');
}

describe('the widget in Zoho’s Night theme under axe-core', () => {
  it.each(STATES)('finds no violations, contrast included, when $state', async ({ query, statusName, reach }) => {
    const view = await openRecordPage(suite.context(), suite.server().url, { ...query, theme: 'night' }, statusName ? { statusName } : {});
    await nightShown(view.widgetFrame());
    await reach?.(view);
    expect(describeViolations(await axeViolations(view.widgetFrame()))).toEqual([]);
  });

  it('stays in the Day palette, with no night stylesheet fetched, for a Day user', async () => {
    const view = await openRecordPage(suite.context(), suite.server().url, { user: manager, record: SEED.deals.hooliPricing, theme: 'day' });
    const frame = view.widgetFrame();
    expect(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).not.toBe('dark');
    expect(await frame.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/night.css')))).toBe(false);
  });

  it('shows the Web Tab of locked records in the night palette without violations', async () => {
    const page = await suite.context().newPage();
    await page.goto(`${suite.server().url}/tab?user=manager@example.com&module=Deals&theme=night`);
    const tab = page.frameLocator(WIDGET_FRAME);
    await tab.getByRole('combobox', { name: 'Module' }).selectOption('Deals');
    await tab.getByRole('table', { name: 'Locked records' }).waitFor();
    const frame = page.frames().find((f) => new URL(f.url(), 'about:blank').pathname === '/app/overview.html');
    if (!frame) throw new Error('The web tab frame is not in the page');
    await nightShown(frame);
    expect(describeViolations(await axeViolations(frame))).toEqual([]);
  });
});
