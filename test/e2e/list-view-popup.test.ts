import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { SEED } from '../../server/emulator/index';
import { STAND_IN_SDK_PATH } from '../../server/dev/dev-app';
import { useBrowserSuite } from '../support/browser-suite';
import { harnessCalls } from '../support/harness-calls';
import { WAIT } from '../support/record-page';

const suite = useBrowserSuite();

/**
 * Stands in for app/list.html, which the widget's own page will replace: it loads the SDK as the
 * extension's pages do, keeps what PageLoad brings, and leaves the rest to the test.
 */
const TEST_LIST_PAGE = `<!doctype html>
<html><head><script src="${STAND_IN_SDK_PATH}"></script></head>
<body><p>Test list button page</p>
<script>
  window.received = [];
  ZOHO.embeddedApp.on('PageLoad', (data) => window.received.push(data));
  ZOHO.embeddedApp.init();
</script></body></html>`;

interface ListWindow {
  received: unknown[];
  ZOHO: {
    CRM: {
      CONFIG: { getUserPreference(): Promise<unknown> };
      CONNECTION: { invoke(name: string, request: Record<string, unknown>): Promise<unknown> };
      UI: { Popup: { close(): Promise<unknown>; closeReload(): Promise<unknown> } };
    };
  };
}

async function popupFrame(page: Page): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().find((f) => new URL(f.url(), 'about:blank').pathname === '/app/list.html')), WAIT).toBeDefined();
  if (!found) throw new Error('The popup frame is not in the page');
  return found;
}

const lockedCell = (page: Page, name: string) =>
  page.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(4).innerText();

describe('the list view’s custom button in the harness', () => {
  it('hands the popup exactly Zoho’s PageLoad for two selected deals, and closeReload closes it and shows the new locks', async () => {
    const page = await suite.context().newPage();
    await page.route((url) => url.pathname === '/app/list.html', (route) => route.fulfill({ contentType: 'text/html', body: TEST_LIST_PAGE }));
    await page.goto(`${suite.server().url}/list?user=manager@example.com&module=Deals&theme=night`);
    const { acmeRenewal, globexExpansion } = SEED.deals;

    await page.getByRole('checkbox', { name: 'Select Acme renewal' }).check();
    await page.getByRole('checkbox', { name: 'Select Globex expansion' }).check();
    expect(await page.locator('[data-selection-count]').innerText()).toBe('2 records selected');
    await page.getByRole('button', { name: 'Lock records' }).click();
    await page.getByRole('dialog', { name: 'Lock records' }).waitFor();

    const frame = await popupFrame(page);
    await expect.poll(() => frame.evaluate(() => (window as unknown as ListWindow).received), WAIT).toHaveLength(1);
    expect(await frame.evaluate(() => (window as unknown as ListWindow).received)).toEqual([
      { Entity: 'Deals', EntityId: [acmeRenewal, globexExpansion], ButtonPosition: 'ListView' },
    ]);
    expect(await frame.evaluate(() => (window as unknown as ListWindow).ZOHO.CRM.CONFIG.getUserPreference())).toEqual({ mode: 'night' });

    // The popup locks both through the user's connection, as the list button's widget will.
    await frame.evaluate(async (ids) => {
      const { ZOHO } = window as unknown as ListWindow;
      for (const id of ids) {
        await ZOHO.CRM.CONNECTION.invoke('recordlock_user', {
          url: `https://www.zohoapis.com/crm/v8/Deals/${id}/Locking_Information__s`,
          method: 'POST',
          param_type: 2,
          parameters: { data: [{ Locked_Reason__s: 'Quarter end' }] },
          headers: { 'Content-Type': 'application/json' },
        });
      }
    }, [acmeRenewal, globexExpansion]);
    expect((await harnessCalls(page)).map((call) => [call.method, call.status])).toEqual([
      ['POST', 201],
      ['POST', 201],
    ]);
    expect(await lockedCell(page, 'Acme renewal')).toBe('');

    // The popup's frame goes with the page's reload, so its promise is not awaited here.
    await Promise.all([
      page.waitForEvent('load'),
      frame.evaluate(() => void (window as unknown as ListWindow).ZOHO.CRM.UI.Popup.closeReload()),
    ]);
    expect(await page.getByRole('dialog', { name: 'Lock records' }).isVisible()).toBe(false);
    expect(await lockedCell(page, 'Acme renewal')).toBe('Locked');
    expect(await lockedCell(page, 'Globex expansion')).toBe('Locked');
  });
});

describe('the list view’s custom button with nothing selected', () => {
  it('opens the popup with an empty EntityId, its calls meet the page’s &variant=, and close() closes it without reloading the list', async () => {
    const page = await suite.context().newPage();
    await page.route((url) => url.pathname === '/app/list.html', (route) => route.fulfill({ contentType: 'text/html', body: TEST_LIST_PAGE }));
    await page.goto(`${suite.server().url}/list?user=rep@example.com&module=Deals&variant=locked-search-refused`);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.getByRole('button', { name: 'Lock records' }).click();

    const frame = await popupFrame(page);
    await expect.poll(() => frame.evaluate(() => (window as unknown as ListWindow).received), WAIT).toEqual([
      { Entity: 'Deals', EntityId: [], ButtonPosition: 'ListView' },
    ]);
    // The popup's connection calls carry the page's variants as X-Emulator-Variant: a search on Locked__s is refused.
    await frame.evaluate(async (url) => {
      await (window as unknown as ListWindow).ZOHO.CRM.CONNECTION.invoke('recordlock_user', { url, method: 'GET' });
    }, `https://www.zohoapis.com/crm/v8/Deals/search?criteria=${encodeURIComponent('(Locked__s:equals:true)')}&fields=Deal_Name`);
    expect((await harnessCalls(page)).map((call) => [call.method, call.status])).toEqual([['GET', 400]]);
    await frame.evaluate(() => void (window as unknown as ListWindow).ZOHO.CRM.UI.Popup.close());
    await expect.poll(() => page.getByRole('dialog', { name: 'Lock records' }).isVisible(), WAIT).toBe(false);
    await expect.poll(() => page.frames().some((f) => f.url().includes('/app/list.html')), WAIT).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });
});
