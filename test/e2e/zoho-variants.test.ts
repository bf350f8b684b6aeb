import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import english from '../../app/translations/en.json';
import { SEED } from '../../server/emulator/index';
import { useBrowserSuite } from '../support/browser-suite';
import { harnessCalls, setApiLimitReached } from '../support/harness-calls';
import { openRecordPage, recordPageOf, recordPageUrl, WAIT, WIDGET_FRAME, type RecordPage } from '../support/record-page';

/**
 * The panel and the Web Tab in Chromium where Zoho may answer otherwise: each page under the
 * harness's `&variant=`, and an answer no schema accepts put in the connection's place.
 */
const suite = useBrowserSuite();
const ACME = SEED.deals.acmeRenewal;
const manager = 'manager@example.com';

async function lockWith(view: RecordPage, reason: string) {
  await view.widget.getByRole('button', { name: 'Lock record' }).click();
  await view.widget.getByRole('textbox', { name: 'Lock reason' }).fill(reason);
  await view.widget.getByRole('button', { name: 'Save' }).click();
}

/** The Locked records tab for the manager, Deals chosen. */
async function openTab(page: Page, variant?: string) {
  await page.goto(`${suite.server().url}/tab?user=${manager}&module=Deals${variant ? `&variant=${variant}` : ''}`);
  const tab = page.frameLocator(WIDGET_FRAME);
  const picker = tab.getByRole('combobox', { name: 'Module' });
  await picker.waitFor(WAIT);
  await picker.selectOption('Deals');
  return tab;
}

/** The calls that found the Deals' locked records, as "search 400", "coql 200". */
const finderCalls = async (page: Page) =>
  (await harnessCalls(page)).flatMap((call) => {
    if (call.path.includes('/Deals/search')) return [`search ${call.status}`];
    return call.path.endsWith('/coql') && call.summary?.includes('from Deals where Locked__s') ? [`coql ${call.status}`] : [];
  });

/** Puts `statusMessage` in the place of Zoho's answer to the calls `matches` picks, without sending them on. */
async function answerOddly(page: Page, matches: (request: { method: string; url: string }) => boolean, statusMessage: unknown) {
  await page.route('**/__harness/invoke', async (route: Route) => {
    const sent = route.request().postDataJSON() as { request: { method: string; url: string } };
    if (!matches(sent.request)) return route.continue();
    const path = new URL(sent.request.url).pathname;
    await route.fulfill({
      json: {
        answer: { outcome: 'response', data: { code: 'SUCCESS', details: { statusMessage }, message: 'Connection invoked successfully', status: 'success' } },
        call: { connection: 'recordlock_user', method: sent.request.method, path, status: 200, durationMs: 0 },
      },
    });
  });
}

describe('the record panel under Zoho’s other answers', () => {
  it('shows a lock Zoho confirmed with its id alone, read once (minimal-lock-answer)', async () => {
    const view = await openRecordPage(suite.context(), suite.server().url, { user: 'rep@example.com', record: ACME, variant: 'minimal-lock-answer' });
    const before = (await harnessCalls(view.page)).length;
    await lockWith(view, 'Waiting for the signed contract');
    await expect.poll(() => view.status.innerText(), WAIT).toContain('Reason: Waiting for the signed contract');
    expect(await view.status.innerText()).toContain('Locked by you');
    expect(await view.widget.getByRole('alert').count()).toBe(0);
    const lockCalls = (await harnessCalls(view.page)).slice(before).filter((call) => call.path.includes('Locking_Information__s'));
    expect(lockCalls.map((call) => `${call.method} ${call.status}`)).toEqual(['POST 201', 'GET 200']);
  });

  it('locks and unlocks with the manifest’s scopes where Zoho checks its OpenAPI files’ scopes (oas-lock-scopes)', async () => {
    const view = await openRecordPage(suite.context(), suite.server().url, { user: 'rep@example.com', record: ACME, variant: 'oas-lock-scopes' });
    await lockWith(view, 'Audit');
    await expect.poll(() => view.status.innerText(), WAIT).toContain('Reason: Audit');
    await view.widget.getByRole('button', { name: 'Unlock record' }).click();
    await view.widget.getByRole('button', { name: 'Yes, unlock' }).click();
    await expect.poll(() => view.status.innerText(), WAIT).toContain('Unlocked');
    expect(await view.widget.getByRole('alert').count()).toBe(0);
  });

  it('says RATE_LIMIT_EXCEEDED is Zoho’s limit and when to try again (rate-limit-exceeded)', async () => {
    const query = { user: 'rep@example.com', record: ACME, variant: 'rate-limit-exceeded' };
    const view = await openRecordPage(suite.context(), suite.server().url, query);
    await setApiLimitReached(view.page, true);
    await view.page.reload();
    await expect.poll(() => view.widget.getByText(english['error.tooManyRequests']).count(), WAIT).toBe(1);
    await view.widget.getByText(/^Try again after /).waitFor(WAIT);
    expect(await view.widget.getByRole('button', { name: english['action.retry'] }).count()).toBe(0);
    expect((await harnessCalls(view.page)).every((call) => call.status === 429)).toBe(true);
    await setApiLimitReached(view.page, false);
  });

  it('lists the lock history newest first where Zoho ignores the order asked for (notes-unsorted)', async () => {
    const view = await openRecordPage(suite.context(), suite.server().url, { user: manager, record: SEED.deals.hooliPricing, variant: 'notes-unsorted', locale: 'en_US' });
    await view.widget.getByRole('button', { name: 'Show history' }).click();
    const items = view.widget.getByRole('list', { name: 'Lock history' }).getByRole('listitem');
    await items.first().waitFor(WAIT);
    const lines = await items.allInnerTexts();
    expect(lines[0]).toContain('Ivo Intern asked Rita Rep to unlock it');
    expect(lines.at(-1)).toContain('Max Manager locked the record');
  });

  it('keeps the typed reason and says which call Zoho answered in a way this version does not understand', async () => {
    const context = suite.context();
    const page = await context.newPage();
    await answerOddly(page, (request) => request.method === 'POST' && request.url.includes('Locking_Information__s'), '<html>Service Unavailable</html>');
    await page.goto(recordPageUrl(suite.server().url, { user: 'rep@example.com', record: ACME }));
    const view = await recordPageOf(page);
    await lockWith(view, 'Quarter close');
    const alert = view.widget.getByRole('alert');
    await expect.poll(() => alert.innerText(), WAIT).toContain('Zoho CRM answered in a way this version of Record Lock does not understand.');
    expect(await alert.innerText()).toContain('with the call: POST /crm/v8/Deals/{id}/Locking_Information__s.');
    expect(await view.widget.getByRole('textbox', { name: 'Lock reason' }).inputValue()).toBe('Quarter close');
    expect(await view.status.innerText()).toContain('Unlocked');
  });
});

describe('the Locked records tab under Zoho’s other answers', () => {
  it.each(['locked-search-refused', 'locked-search-unindexed'])('finds the locked deals by COQL (%s)', async (variant) => {
    const page = await suite.context().newPage();
    const tab = await openTab(page, variant);
    const table = tab.getByRole('table', { name: 'Locked records' });
    await expect.poll(() => table.innerText(), WAIT).toContain('Hooli enterprise pricing');
    expect(await finderCalls(page)).toEqual([variant === 'locked-search-refused' ? 'search 400' : 'search 204', 'coql 200']);
  });

  it('says what an administrator can do when Zoho refuses both search and COQL', async () => {
    const page = await suite.context().newPage();
    const tab = await openTab(page, 'locked-search-refused,locked-coql-refused');
    const alert = tab.getByRole('alert');
    await expect.poll(() => alert.innerText(), WAIT).toContain(english['overview.refused']);
    expect(await alert.innerText()).toContain(english['overview.refused.howTo']);
    expect(await tab.getByRole('table').count()).toBe(0);
  });

  it('shows a deal just locked on its panel although the search index has not caught up (locked-search-lag)', async () => {
    const context = suite.context();
    const view = await openRecordPage(context, suite.server().url, { user: manager, record: ACME, variant: 'locked-search-lag' });
    await lockWith(view, 'Contract at legal');
    await expect.poll(() => view.status.innerText(), WAIT).toContain('Reason: Contract at legal');
    // The history part, which notes the change for the tab, has loaded once its button shows.
    await view.widget.getByRole('button', { name: 'Show history' }).waitFor(WAIT);

    const tab = await openTab(view.page, 'locked-search-lag');
    const acme = tab.getByRole('row').filter({ hasText: 'Acme renewal' });
    await expect.poll(() => acme.innerText(), WAIT).toContain('Contract at legal');
    expect(await finderCalls(view.page)).toEqual(['search 200']);
  });

  it('says which call Zoho answered in a way this version does not understand, with a way to try again', async () => {
    const page = await suite.context().newPage();
    await answerOddly(page, (request) => request.url.includes('/search'), { data: 'nonsense', code: 'ODD_ANSWER' });
    const tab = await openTab(page);
    const alert = tab.getByRole('alert');
    await expect.poll(() => alert.innerText(), WAIT).toContain('Zoho CRM answered in a way this version of Record Lock does not understand.');
    expect(await alert.innerText()).toContain("with the call GET /crm/v8/Deals/search and Zoho's code ODD_ANSWER");
    await tab.getByRole('button', { name: 'Try again' }).waitFor(WAIT);
  });
});
