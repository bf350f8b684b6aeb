import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { DevServer } from '../../server/index';
import { PAGE_SIZE } from '../../widget/model/locked-list';
import { harnessCalls } from '../support/harness-calls';
import { median, round1 } from './stats';
import { connectionRoundTrip } from './widget-timing';
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
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}`,
  });
}

async function shownAt(frame: Frame): Promise<{ firstRows: number; firstScreen: number }> {
  const handle = await frame.waitForFunction(
    () => {
      const marks = window as Window & { __firstRowsAt?: number; __firstScreenAt?: number };
      return marks.__firstScreenAt !== undefined && { firstRows: marks.__firstRowsAt, firstScreen: marks.__firstScreenAt };
    },
    undefined,
    { polling: 20, timeout: 30_000 },
  );
  const value = (await handle.jsonValue()) as { firstRows?: unknown; firstScreen?: unknown };
  if (typeof value.firstRows !== 'number' || typeof value.firstScreen !== 'number') throw new Error('The tab frame reported no times');
  return { firstRows: value.firstRows, firstScreen: value.firstScreen };
}

function tabFrame(page: Page): Frame {
  const frame = page.frames().find((f) => new URL(f.url(), 'about:blank').pathname === OVERVIEW);
  if (!frame) throw new Error('The web tab frame is not in the page');
  return frame;
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
          const frame = tabFrame(page);
          const shown = await shownAt(frame);
          figures[visit].calls.push((await harnessCalls(page)).length);
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
