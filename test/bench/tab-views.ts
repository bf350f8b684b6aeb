import type { Browser, BrowserContext, Frame } from 'playwright-core';
import type { DevServer } from '../../server/index';
import { PAGE_SIZE } from '../../widget/model/locked-list';
import { harnessCalls } from '../support/harness-calls';
import { median, round1 } from './stats';
import { connectionRoundTrip, frameAt } from './widget-timing';
import { VISITS, type Visit } from './page-views';

export interface TabTiming {
  latencyMs: number;
  visit: Visit;
  loads: number;
  /** API calls of the view, until its first screen was complete (median). */
  apiCalls: number;
  /** Navigation of the tab's frame to its first rows shown. */
  firstRowsMs: number;
  /** Navigation of the tab's frame to a full page of rows with their request counts. */
  firstScreenMs: number;
  roundTripMs: number;
  firstRowsRoundTrips: number;
  firstScreenRoundTrips: number;
}

const OVERVIEW = '/app/overview.html';

/**
 * In the tab's frame: remembers Deals as the viewer's last module (a manager who chose it before),
 * and notes when the first row and a full page of rows with their request counts are shown.
 */
async function markTabShown(context: BrowserContext): Promise<void> {
  // Plain script text: tsx would wrap named functions in helpers that do not exist in the page.
  await context.addInitScript({
    content: `if (location.pathname === '${OVERVIEW}') {
  try { if (!localStorage.getItem('recordlock.overview.module')) localStorage.setItem('recordlock.overview.module', 'Deals'); } catch {}
  const observer = new MutationObserver(() => {
    const rows = [...document.querySelectorAll('table tbody tr')];
    if (window.__firstRowsAt === undefined && rows.length > 0) window.__firstRowsAt = performance.now();
    const counted = rows.filter((row) => (row.children[6]?.textContent ?? '') !== '');
    if (window.__firstScreenAt === undefined && counted.length >= ${PAGE_SIZE}) {
      window.__firstScreenAt = performance.now();
      window.__firstScreenEpoch = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}`,
  });
}

/** When the frame showed its first rows and its first screen; `firstScreenEpoch` in the clock the call log's times use. */
async function shownAt(frame: Frame): Promise<{ firstRows: number; firstScreen: number; firstScreenEpoch: number }> {
  const handle = await frame.waitForFunction(
    () => {
      const marks = window as Window & { __firstRowsAt?: number; __firstScreenAt?: number; __firstScreenEpoch?: number };
      return (
        marks.__firstScreenAt !== undefined && {
          firstRows: marks.__firstRowsAt,
          firstScreen: marks.__firstScreenAt,
          firstScreenEpoch: marks.__firstScreenEpoch,
        }
      );
    },
    undefined,
    { polling: 20, timeout: 30_000 },
  );
  const value = (await handle.jsonValue()) as { firstRows?: unknown; firstScreen?: unknown; firstScreenEpoch?: unknown };
  const { firstRows, firstScreen, firstScreenEpoch } = value;
  if (typeof firstRows !== 'number' || typeof firstScreen !== 'number' || typeof firstScreenEpoch !== 'number') {
    throw new Error('The tab frame reported no times');
  }
  return { firstRows, firstScreen, firstScreenEpoch };
}

/**
 * The Locked records tab of the large org, viewed twice per fresh browser context at each latency:
 * cold (nothing cached but the remembered module), then warm (the next view, its storage kept).
 */
export async function measureTabViews(browser: Browser, server: DevServer, latencies: number[], loads: number): Promise<TabTiming[]> {
  const results: TabTiming[] = [];
  for (const latencyMs of latencies) {
    const figures: Record<Visit, { calls: number[]; firstRows: number[]; firstScreen: number[] }> = {
      cold: { calls: [], firstRows: [], firstScreen: [] },
      warm: { calls: [], firstRows: [], firstScreen: [] },
    };
    const roundTrips: number[] = [];
    for (let load = 0; load < loads; load += 1) {
      const context = await browser.newContext();
      try {
        await markTabShown(context);
        const page = await context.newPage();
        for (const visit of VISITS) {
          // A navigation starts a new harness page, whose call log starts empty.
          await page.goto(`${server.url}/tab?user=manager@example.com&module=Deals&latency=${latencyMs}`);
          await page.waitForFunction((path) => [...document.querySelectorAll('iframe')].some((f) => f.src.includes(path)), OVERVIEW);
          const frame = frameAt(page, OVERVIEW, 'web tab');
          const shown = await shownAt(frame);
          // Only the calls answered by the first screen: the reads it starts afterwards (the other modules'
          // settings) may be logged before the poll above sees it, at low latency.
          const calls = await harnessCalls(page);
          figures[visit].calls.push(calls.filter((call) => Date.parse(call.at) <= shown.firstScreenEpoch).length);
          figures[visit].firstRows.push(shown.firstRows);
          figures[visit].firstScreen.push(shown.firstScreen);
          roundTrips.push(await connectionRoundTrip(frame));
        }
      } finally {
        await context.close();
      }
    }
    const roundTripMs = median(roundTrips);
    for (const visit of VISITS) {
      const firstRowsMs = median(figures[visit].firstRows);
      const firstScreenMs = median(figures[visit].firstScreen);
      results.push({
        latencyMs,
        visit,
        loads,
        apiCalls: median(figures[visit].calls),
        firstRowsMs: round1(firstRowsMs),
        firstScreenMs: round1(firstScreenMs),
        roundTripMs: round1(roundTripMs),
        firstRowsRoundTrips: round1(firstRowsMs / roundTripMs),
        firstScreenRoundTrips: round1(firstScreenMs / roundTripMs),
      });
    }
  }
  return results;
}
