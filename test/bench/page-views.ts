import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { DevServer } from '../../server/index';
import { harnessCalls } from '../support/harness-calls';
import { recordPageOf, recordPageUrl, type RecordPageQuery } from '../support/record-page';
import { median, p95, round1 } from './stats';
import { connectionRoundTrip, markStatusShown, statusShownAt } from './widget-timing';

/** A first view in a fresh browser context, then a second one in the same context (its storage kept). */
export type Visit = 'cold' | 'warm';
export const VISITS: Visit[] = ['cold', 'warm'];

export interface StatusTiming {
  latencyMs: number;
  visit: Visit;
  loads: number;
  medianMs: number;
  p95Ms: number;
  roundTripMs: number;
  /** median time to status / one connection round trip */
  roundTrips: number;
}

export interface PageViewCost {
  view: string;
  /** API calls of the first view in a fresh context, and of the next view in the same context. */
  apiCalls: Record<Visit, number>;
  translationFiles: string[];
  translationGzipBytes: number;
}

interface ViewFigures {
  shownAt: number;
  calls: number;
  roundTrip: number;
  translations: { url: string; gzipBytes: number }[];
}

/** The page's API calls once its call log has stopped growing for half a second. */
async function settledCallCount(page: Page): Promise<number> {
  let seen = -1;
  for (;;) {
    const count = (await harnessCalls(page)).length;
    if (count === seen) return count;
    seen = count;
    await page.waitForTimeout(500);
  }
}

/**
 * The same page viewed twice in one fresh context: cold, then warm (what the widget kept in its
 * origin's storage is still there, as for a rep opening the next record). Status time, API calls
 * and translations fetched of each.
 */
async function viewTwice(
  browser: Browser,
  server: DevServer,
  query: RecordPageQuery,
  { statusName, settle = false }: { statusName?: string | undefined; settle?: boolean } = {},
): Promise<Record<Visit, ViewFigures>> {
  const context = await browser.newContext();
  try {
    await markStatusShown(context);
    const page = await context.newPage();
    let translations: Promise<{ url: string; gzipBytes: number }>[] = [];
    page.on('response', (response) => {
      if (!/\/js\/texts\/[^/]+\.json(\?|$)/.test(response.url())) return;
      translations.push(response.body().then((body) => ({ url: response.url(), gzipBytes: gzipSync(body, { level: 9 }).length })));
    });
    const once = async (): Promise<ViewFigures> => {
      translations = [];
      // A navigation starts a new harness page, whose call log starts empty.
      await page.goto(recordPageUrl(server.url, query));
      const view = await recordPageOf(page, statusName ? { statusName } : {});
      const frame = view.widgetFrame();
      const shownAt = await statusShownAt(frame);
      // Counting calls, the view is left to finish what it does by itself after the status (its
      // unlock requests and history load on demand), else a slow moment would hide some of them.
      const calls = settle ? await settledCallCount(page) : (await harnessCalls(page)).length;
      const roundTrip = await connectionRoundTrip(frame);
      return { shownAt, calls, roundTrip, translations: await Promise.all(translations) };
    };
    const cold = await once();
    const warm = await once();
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/** Time from the widget frame's navigation to the status shown, cold and warm, over `loads` context pairs per latency. */
export async function measureTimeToStatus(browser: Browser, server: DevServer, query: RecordPageQuery, latencies: number[], loads: number): Promise<StatusTiming[]> {
  const results: StatusTiming[] = [];
  for (const latencyMs of latencies) {
    const shown: Record<Visit, number[]> = { cold: [], warm: [] };
    const roundTrips: number[] = [];
    for (let load = 0; load < loads; load += 1) {
      const twice = await viewTwice(browser, server, { ...query, latencyMs });
      for (const visit of VISITS) shown[visit].push(twice[visit].shownAt);
      roundTrips.push(twice.cold.roundTrip, twice.warm.roundTrip);
    }
    const roundTripMs = median(roundTrips);
    for (const visit of VISITS) {
      results.push({
        latencyMs,
        visit,
        loads,
        medianMs: round1(median(shown[visit])),
        p95Ms: round1(p95(shown[visit])),
        roundTripMs: round1(roundTripMs),
        roundTrips: round1(median(shown[visit]) / roundTripMs),
      });
    }
  }
  return results;
}

/** API calls of one page view per viewer, cold and warm, and the translation bytes of the cold one. */
export async function measurePageViewCosts(
  browser: Browser,
  server: DevServer,
  views: { view: string; query: RecordPageQuery; statusName?: string }[],
): Promise<PageViewCost[]> {
  const costs: PageViewCost[] = [];
  for (const { view, query, statusName } of views) {
    server.emulator.reset();
    const twice = await viewTwice(browser, server, query, { statusName, settle: true });
    costs.push({
      view,
      apiCalls: { cold: twice.cold.calls, warm: twice.warm.calls },
      translationFiles: twice.cold.translations.map((t) => new URL(t.url).pathname),
      translationGzipBytes: twice.cold.translations.reduce((sum, t) => sum + t.gzipBytes, 0),
    });
  }
  return costs;
}
