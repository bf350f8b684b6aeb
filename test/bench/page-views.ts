import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { DevServer } from '../../server/index';
import { harnessCalls } from '../support/harness-calls';
import { recordPageOf, recordPageUrl, type RecordPageQuery } from '../support/record-page';
import { median, p95, round1 } from './stats';
import { connectionRoundTrip, markStatusShown, statusShownAt } from './widget-timing';

export interface StatusTiming {
  latencyMs: number;
  loads: number;
  medianMs: number;
  p95Ms: number;
  roundTripMs: number;
  /** median time to status / one connection round trip */
  roundTrips: number;
}

export interface PageViewCost {
  view: string;
  apiCalls: number;
  translationFiles: string[];
  translationGzipBytes: number;
}

/** One page view in a fresh context: the status time, the API calls, the translations fetched. */
async function viewOnce(browser: Browser, server: DevServer, query: RecordPageQuery, statusName?: string) {
  const context = await browser.newContext();
  try {
    await markStatusShown(context);
    const page = await context.newPage();
    const translations: Promise<{ url: string; gzipBytes: number }>[] = [];
    page.on('response', (response) => {
      if (!/\/translations\/[^/]+\.json(\?|$)/.test(response.url())) return;
      translations.push(response.body().then((body) => ({ url: response.url(), gzipBytes: gzipSync(body, { level: 9 }).length })));
    });
    await page.goto(recordPageUrl(server.url, query));
    const view = await recordPageOf(page, statusName ? { statusName } : {});
    const frame = view.widgetFrame();
    const shownAt = await statusShownAt(frame);
    const calls = (await harnessCalls(page)).length;
    const roundTrip = await connectionRoundTrip(frame);
    return { shownAt, calls, roundTrip, translations: await Promise.all(translations) };
  } finally {
    await context.close();
  }
}

/** Time from the widget frame's navigation to the status shown, over `loads` page loads per latency. */
export async function measureTimeToStatus(browser: Browser, server: DevServer, query: RecordPageQuery, latencies: number[], loads: number): Promise<StatusTiming[]> {
  const results: StatusTiming[] = [];
  for (const latencyMs of latencies) {
    const shown: number[] = [];
    const roundTrips: number[] = [];
    for (let load = 0; load < loads; load += 1) {
      const once = await viewOnce(browser, server, { ...query, latencyMs });
      shown.push(once.shownAt);
      roundTrips.push(once.roundTrip);
    }
    const roundTripMs = median(roundTrips);
    results.push({
      latencyMs,
      loads,
      medianMs: round1(median(shown)),
      p95Ms: round1(p95(shown)),
      roundTripMs: round1(roundTripMs),
      roundTrips: round1(median(shown) / roundTripMs),
    });
  }
  return results;
}

/** API calls and translation bytes of one page view per viewer. */
export async function measurePageViewCosts(
  browser: Browser,
  server: DevServer,
  views: { view: string; query: RecordPageQuery; statusName?: string }[],
): Promise<PageViewCost[]> {
  const costs: PageViewCost[] = [];
  for (const { view, query, statusName } of views) {
    server.emulator.reset();
    const once = await viewOnce(browser, server, query, statusName);
    costs.push({
      view,
      apiCalls: once.calls,
      translationFiles: once.translations.map((t) => new URL(t.url).pathname),
      translationGzipBytes: once.translations.reduce((sum, t) => sum + t.gzipBytes, 0),
    });
  }
  return costs;
}
