import { describe, expect, it } from 'vitest';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe';
import { useBrowserSuite } from '../support/browser-suite';
import { harnessCalls, type HarnessCall } from '../support/harness-calls';
import { WAIT } from '../support/record-page';

const suite = useBrowserSuite();

const LIST_PAGE = '/app/list.html';
const popup = (page: Page): FrameLocator => page.frameLocator('[data-popup] iframe');

async function popupFrame(page: Page): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().find((f) => new URL(f.url(), 'about:blank').pathname === LIST_PAGE)), WAIT).toBeDefined();
  if (!found) throw new Error('The popup frame is not in the page');
  return found;
}

const lockedCell = (page: Page, name: string) =>
  page.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(4).innerText();

/** Each call as `METHOD kind`: the selection read, settings, lock writes and notes apart. */
const kindOf = ({ method, path: pathAndQuery }: HarnessCall) => {
  const path = pathAndQuery.split('?')[0] ?? '';
  if (path.endsWith('/coql')) return `${method} coql`;
  if (path.includes('/settings/')) return `${method} settings`;
  if (path.endsWith('/Notes')) return `${method} note`;
  return path.includes('Locking_Information__s') ? `${method} lock` : `${method} ${path}`;
};

describe('the list view’s Lock records button', () => {
  it('locks the two selected deals with one reason, writes each one’s note, and closeReload shows the new locks', async () => {
    const page = await suite.context().newPage();
    await page.goto(`${suite.server().url}/list?user=manager@example.com&module=Deals&theme=night`);
    await page.getByRole('checkbox', { name: 'Select Acme renewal' }).check();
    await page.getByRole('checkbox', { name: 'Select Globex expansion' }).check();
    await page.getByRole('button', { name: 'Lock records' }).click();
    await page.getByRole('dialog', { name: 'Lock records' }).waitFor();

    const frame = popup(page);
    await frame.getByText('2 records selected').waitFor();
    // The popup follows the user's Zoho theme, as the other pages do.
    expect(await (await popupFrame(page)).evaluate(() => document.querySelector('link[data-theme="night"]') !== null)).toBe(true);
    await frame.getByRole('textbox', { name: 'Lock reason' }).fill('Quarter end');
    await frame.getByRole('button', { name: 'Lock 2 records' }).click();
    await frame.getByText('2 records locked.').waitFor();

    // One read of the selection, the module's three settings (cold), then a lock and a note per record.
    const kinds = (await harnessCalls(page)).map(kindOf);
    expect(kinds.slice(0, 4).sort()).toEqual(['GET settings', 'GET settings', 'GET settings', 'POST coql']);
    expect(kinds.slice(4).sort()).toEqual(['POST lock', 'POST lock', 'POST note', 'POST note']);
    expect(await lockedCell(page, 'Acme renewal')).toBe('');

    await Promise.all([page.waitForEvent('load'), frame.getByRole('button', { name: 'Close' }).click()]);
    expect(await page.getByRole('dialog', { name: 'Lock records' }).isVisible()).toBe(false);
    expect(await lockedCell(page, 'Acme renewal')).toBe('Locked');
    expect(await lockedCell(page, 'Globex expansion')).toBe('Locked');
  });

  it('names each deal it could not lock, and why, after locking the rest', async () => {
    const page = await suite.context().newPage();
    await page.goto(`${suite.server().url}/list?user=manager@example.com&module=Deals`);
    for (const name of ['Acme renewal', 'Initech platform deal', 'Hooli enterprise pricing', 'Soylent discount']) {
      await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    }
    await page.getByRole('button', { name: 'Lock records' }).click();
    const frame = popup(page);
    await frame.getByRole('textbox', { name: 'Lock reason' }).fill('Board review');
    await frame.getByRole('button', { name: 'Lock 4 records' }).click();
    await frame.getByText('1 record locked.').waitFor();
    expect(await frame.getByRole('listitem').allInnerTexts()).toEqual([
      'Initech platform deal: a locking rule holds it.',
      'Hooli enterprise pricing: already locked by Rita Rep.',
      'Soylent discount: awaiting approval; Zoho CRM keeps it from changing until it is approved.',
    ]);
  });
});

describe('the list view’s button with nothing selected', () => {
  it('says so before any API call, and Close closes the popup without reloading the list', async () => {
    const page = await suite.context().newPage();
    await page.goto(`${suite.server().url}/list?user=rep@example.com&module=Deals`);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.getByRole('button', { name: 'Lock records' }).click();

    const frame = popup(page);
    await frame.getByText(/No records are selected, so nothing was changed/).waitFor();
    expect(await harnessCalls(page)).toEqual([]);
    await frame.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Lock records' }).isVisible(), WAIT).toBe(false);
    await expect.poll(() => page.frames().some((f) => f.url().includes(LIST_PAGE)), WAIT).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });
});

describe('the list view’s popup under axe-core', () => {
  it.each(['day', 'night'])('finds no violations, contrast included, on its form and its summary (%s)', async (theme) => {
    const page = await suite.context().newPage();
    await page.goto(`${suite.server().url}/list?user=manager@example.com&module=Deals&theme=${theme}`);
    for (const name of ['Acme renewal', 'Hooli enterprise pricing']) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await page.getByRole('button', { name: 'Lock records' }).click();
    const frame = popup(page);
    await frame.getByRole('textbox', { name: 'Lock reason' }).waitFor();
    const inside = await popupFrame(page);
    if (theme === 'night') {
      await expect.poll(() => inside.evaluate(() => getComputedStyle(document.documentElement).colorScheme), WAIT).toBe('dark');
    }
    expect(describeViolations(await axeViolations(inside))).toEqual([]);
    await frame.getByRole('textbox', { name: 'Lock reason' }).fill('Audit');
    await frame.getByRole('button', { name: 'Lock 2 records' }).click();
    await frame.getByText('1 record was not locked:').waitFor();
    expect(describeViolations(await axeViolations(inside))).toEqual([]);
  });
});
