/**
 * `npm run bench`: the figures that matter, measured rather than asserted. Prints a table and
 * writes bench/results.json and bench/chart.svg. Never fails on a time; all traffic stays on 127.0.0.1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { buildWidget } from '../../server/build/build-widget';
import { BUDGET_BYTES, measureBundle } from '../../server/build/bundle-budget';
import { SEED } from '../../server/emulator/index';
import { startDevServer } from '../../server/index';
import { launchChromium } from '../../server/dev/chromium';
import { measureActions } from './action-latency';
import { barChartSvg } from './chart';
import { measureLockContention, measureThroughput } from './emulator-load';
import { measurePageViewCosts, measureTimeToStatus } from './page-views';
import { measureListRuns } from './list-runs';
import { measureTabViews } from './tab-views';

const root = fileURLToPath(new URL('../../', import.meta.url));
const STATUS_LATENCIES = [0, 100, 300];
/** Context pairs (a cold view, then a warm one) per latency: 2 x 3 x 10 views keep the bench near two minutes. */
const STATUS_LOADS = 10;
const ACTION_LATENCIES = [0, 100];
const ACTION_RUNS = 10;
/** Context pairs per latency for the Locked records tab of the large org: its views are long at 300 ms, so fewer. */
const TAB_LOADS = 3;
/** The list view button's run: records selected, latencies, and context pairs (cold, then warm) per latency. */
const LIST_RECORDS = 20;
const LIST_LATENCIES = [0, 100];
const LIST_RUNS = 3;

const germanStatusLabel = z
  .object({ 'status.label': z.string() })
  .parse(JSON.parse(readFileSync(`${root}app/translations/de.json`, 'utf8')))['status.label'];

const started = performance.now();
const log = (line: string) => console.log(line);
const section = (title: string) => log(`\n${title}`);
const row = (cells: (string | number)[], widths: number[]) =>
  log(cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i] ?? 0) : String(cell).padStart(widths[i] ?? 0))).join('  '));

await buildWidget({ production: true });
const bundle = await measureBundle(root);

const server = await startDevServer({ port: 0, build: false });
const largeOrg = await startDevServer({ port: 0, build: false, emulatorOptions: { seed: 'large' } });
const browser = await launchChromium();
try {
  const rep = { user: 'rep@example.com', record: SEED.deals.acmeRenewal };
  const costs = await measurePageViewCosts(browser, server, [
    { view: 'rep, open deal (en_US)', query: rep },
    { view: 'manager, locked deal (en_GB)', query: { user: 'manager@example.com', record: SEED.deals.hooliPricing } },
    { view: 'admin, rule-locked deal (en_US)', query: { user: 'admin@example.com', record: SEED.deals.initechClosedWon } },
    { view: 'intern, open deal (de_DE)', query: { user: 'intern@example.com', record: SEED.deals.acmeRenewal }, statusName: germanStatusLabel },
    { view: 'manager, Contacts (no configuration)', query: { user: 'manager@example.com', module: 'Contacts', record: SEED.contacts.aliceSmith } },
  ]);
  server.emulator.reset();
  const status = await measureTimeToStatus(browser, server, rep, STATUS_LATENCIES, STATUS_LOADS);
  const actions = await measureActions(browser, server, ACTION_LATENCIES, ACTION_RUNS);
  const tab = await measureTabViews(browser, largeOrg, STATUS_LATENCIES, TAB_LOADS);
  const list = await measureListRuns(browser, largeOrg, LIST_LATENCIES, LIST_RECORDS, LIST_RUNS);
  const throughput = await measureThroughput(3, 16, 200_000);
  const contention = await measureLockContention(500);

  section('Widget bundle (production build, gzip -9)');
  for (const page of bundle.pages) {
    for (const file of page.firstLoad) row([file.path, `${file.bytes} B`, `${file.gzipBytes} B gz`], [34, 10, 12]);
    row([`${page.page}: first load`, '', `${page.firstLoadGzipBytes} B gz`], [34, 10, 12]);
    for (const file of page.onDemand) row([file.path, `${file.bytes} B`, `${file.gzipBytes} B gz`], [34, 10, 12]);
    row([`${page.page}: on demand`, '', `${page.onDemandGzipBytes} B gz`], [34, 10, 12]);
  }
  log(`ceiling ${BUDGET_BYTES} B gz for each page's first load: ${bundle.withinBudget ? 'within' : 'OVER'}`);

  section('Per page view: API calls and texts fetched (gzip -9)');
  row(['view', 'calls cold', 'calls warm', 'texts', 'files'], [38, 10, 10, 14, 0]);
  for (const c of costs) {
    row([c.view, c.apiCalls.cold, c.apiCalls.warm, `${c.translationGzipBytes} B gz`, `  ${c.translationFiles.join(', ') || '(none)'}`], [38, 10, 10, 14, 0]);
  }

  section(`Time from the widget frame's navigation to the lock status shown (${STATUS_LOADS} loads each; warm: the next view in the same browser context)`);
  row(['API latency', 'view', 'median', 'p95', '1 round trip', 'round trips'], [12, 5, 10, 10, 13, 12]);
  for (const s of status) {
    row([`${s.latencyMs} ms`, s.visit, `${s.medianMs} ms`, `${s.p95Ms} ms`, `${s.roundTripMs} ms`, `${s.roundTrips}x`], [12, 5, 10, 10, 13, 12]);
  }

  section(`Click to confirmed state (median of ${ACTION_RUNS} runs)`);
  row(['action', 'API latency', 'median', '1 round trip', 'round trips'], [12, 12, 10, 13, 12]);
  for (const a of actions) row([a.action, `${a.latencyMs} ms`, `${a.medianMs} ms`, `${a.roundTripMs} ms`, `${a.roundTrips}x`], [12, 12, 10, 13, 12]);

  section(
    `Locked records tab, large org (2,000 deals, 300 locked), Deals remembered; median of ${TAB_LOADS} context pairs: API calls until the first screen, and time from the tab frame's navigation to its first rows and to a full page of rows with their request counts`,
  );
  row(['API latency', 'view', 'calls', 'first rows', 'first screen', '1 round trip', 'rows RTs', 'screen RTs'], [12, 5, 6, 11, 13, 13, 9, 11]);
  for (const t of tab) {
    row(
      [`${t.latencyMs} ms`, t.visit, t.apiCalls, `${t.firstRowsMs} ms`, `${t.firstScreenMs} ms`, `${t.roundTripMs} ms`, `${t.firstRowsRoundTrips}x`, `${t.firstScreenRoundTrips}x`],
      [12, 5, 6, 11, 13, 13, 9, 11],
    );
  }

  section(
    `List view button, large org: ${LIST_RECORDS} lockable deals locked with one reason; median of ${LIST_RUNS} context pairs: the popup's API calls until its summary, and the time from pressing "Lock ${LIST_RECORDS} records" to the summary`,
  );
  row(['API latency', 'view', 'calls', 'to summary', '1 round trip', 'round trips'], [12, 5, 6, 11, 13, 12]);
  for (const l of list) {
    row([`${l.latencyMs} ms`, l.visit, l.apiCalls, `${l.toSummaryMs} ms`, `${l.roundTripMs} ms`, `${l.toSummaryRoundTrips}x`], [12, 5, 6, 11, 13, 12]);
  }

  section('Emulator on loopback');
  log(`GET lock, keep-alive, ${throughput.concurrency} at a time for ${throughput.seconds} s: ${throughput.requests} requests, ${throughput.requestsPerSecond} req/s, ${throughput.failures} not 200`);
  log(`${contention.attempts} concurrent locks on one record: ${contention.created} x 201, ${contention.notAllowed} x 403 NOT_ALLOWED, ${contention.other} other; locks afterwards: ${contention.locksAfter}`);

  const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(`\nbench took ${totalSeconds} s`);

  await mkdir(`${root}bench`, { recursive: true });
  const results = {
    measuredAt: new Date().toISOString(),
    bundle: { pages: bundle.pages, budgetBytes: BUDGET_BYTES, withinBudget: bundle.withinBudget },
    pageViews: costs,
    timeToStatus: status,
    lockedRecordsTab: tab,
    listViewRuns: list,
    actions,
    emulator: { throughput, contention },
    totalSeconds,
  };
  await writeFile(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(
    `${root}bench/chart.svg`,
    barChartSvg('Record Lock: timings (median unless marked)', [
      ...status.flatMap((s) => [
        { label: `status shown ${s.visit}, ${s.latencyMs} ms latency`, valueMs: s.medianMs },
        { label: `status shown ${s.visit} p95, ${s.latencyMs} ms latency`, valueMs: s.p95Ms },
      ]),
      ...actions.map((a) => ({ label: `${a.action}, ${a.latencyMs} ms latency`, valueMs: a.medianMs })),
      ...tab.map((t) => ({ label: `tab first screen ${t.visit}, ${t.latencyMs} ms latency`, valueMs: t.firstScreenMs })),
      ...list.map((l) => ({ label: `list: ${l.records} locked, ${l.visit}, ${l.latencyMs} ms latency`, valueMs: l.toSummaryMs })),
    ]),
  );
  log('wrote bench/results.json and bench/chart.svg');
} finally {
  await browser.close();
  await server.close();
  await largeOrg.close();
}
