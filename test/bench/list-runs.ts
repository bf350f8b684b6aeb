import type { Browser, Frame, Page } from 'playwright-core';
import type { DevServer } from '../../server/index';
import { harnessCalls } from '../support/harness-calls';
import { VISITS, type Visit } from './page-views';
import { median, round1 } from './stats';
import { connectionRoundTrip, frameAt } from './widget-timing';

export interface ListRunTiming {
  latencyMs: number;
  visit: Visit;
  records: number;
  runs: number;
  /** API calls of the popup, from its start to the summary (median). */
  apiCalls: number;
  /** From pressing "Lock N records" to the summary shown. */
  toSummaryMs: number;
  roundTripMs: number;
  toSummaryRoundTrips: number;
}

const LIST_PAGE = '/app/list.html';
/** The demo org's deals that Zoho holds for another cause (awaiting approval, Zia at work): no lock can be set on them. */
const HELD = new Set(['Soylent discount', 'Stark site survey']);

/** Checks the first `count` rows of the list that are neither locked nor held; their names. */
async function selectLockable(page: Page, count: number): Promise<string[]> {
  const rows = page.locator('table.list-table tbody tr');
  const names: string[] = [];
  for (let index = 0; names.length < count; index += 1) {
    const row = rows.nth(index);
    const name = await row.locator('td').nth(1).innerText();
    if ((await row.locator('td').nth(4).innerText()).trim() !== '' || HELD.has(name)) continue;
    await row.getByRole('checkbox').check();
    names.push(name);
  }
  return names;
}

/** In the popup: presses the lock button and resolves with the milliseconds until the summary's Close button shows. */
async function timeToSummary(frame: Frame, button: string): Promise<number> {
  const value: unknown = await frame.evaluate(
    (label) =>
      new Promise<number>((resolve, reject) => {
        const target = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
        if (!target) {
          reject(new Error(`No button "${label}"`));
          return;
        }
        const giveUp = setTimeout(() => reject(new Error('No summary within 60 s')), 60_000);
        // No named helpers in here: tsx would wrap them in a function the page does not have.
        const observer = new MutationObserver(() => {
          if (![...document.querySelectorAll('section button')].some((b) => b.textContent?.trim() === 'Close')) return;
          observer.disconnect();
          clearTimeout(giveUp);
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { subtree: true, childList: true });
        const started = performance.now();
        target.click();
      }),
    button,
  );
  if (typeof value !== 'number') throw new Error('The run was not timed');
  return value;
}

/**
 * The list view's Lock records button over `records` lockable deals of the large org, per fresh
 * browser context at each latency: cold (no settings cached), then warm (the next popup, its
 * storage kept). Counts the popup's API calls and times the run from pressing the button to its summary.
 */
export async function measureListRuns(browser: Browser, server: DevServer, latencies: number[], records: number, runs: number): Promise<ListRunTiming[]> {
  const results: ListRunTiming[] = [];
  for (const latencyMs of latencies) {
    const figures: Record<Visit, { calls: number[]; toSummary: number[] }> = { cold: { calls: [], toSummary: [] }, warm: { calls: [], toSummary: [] } };
    const roundTrips: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      server.emulator.reset();
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        for (const visit of VISITS) {
          await page.goto(`${server.url}/list?user=manager@example.com&module=Deals&latency=${latencyMs}`);
          await selectLockable(page, records);
          await page.getByRole('button', { name: 'Lock records' }).click();
          const reason = page.frameLocator('[data-popup] iframe').getByRole('textbox', { name: 'Lock reason' });
          await reason.fill('Quarter-end review');
          const frame = frameAt(page, LIST_PAGE, 'popup');
          figures[visit].toSummary.push(await timeToSummary(frame, `Lock ${records} records`));
          figures[visit].calls.push((await harnessCalls(page)).length);
          roundTrips.push(await connectionRoundTrip(frame));
        }
      } finally {
        await context.close();
      }
    }
    const roundTripMs = median(roundTrips);
    for (const visit of VISITS) {
      const toSummaryMs = median(figures[visit].toSummary);
      results.push({
        latencyMs,
        visit,
        records,
        runs,
        apiCalls: median(figures[visit].calls),
        toSummaryMs: round1(toSummaryMs),
        roundTripMs: round1(roundTripMs),
        toSummaryRoundTrips: round1(toSummaryMs / roundTripMs),
      });
    }
  }
  return results;
}
