import { beforeEach, describe, expect, it } from 'vitest';
import { VARIANTS } from '../../server/emulator/variants';
import { useBrowserSuite } from '../support/browser-suite';
import { createMatrixReport, whatTheUserSees } from '../support/matrix-report';
import { apiLimitJourney, askJourney, editJourney, historyJourney, lockJourney, unlockJourney, viewJourney } from '../support/panel-journeys';
import { WAIT } from '../support/record-page';
import { bulkUnlockJourney, tabListJourney } from '../support/tab-journeys';
import { expectNoUnknownAnswer, type Journey } from '../support/variant-journey';

/**
 * The core journeys under Zoho's default answers and under each variant Zoho may answer with
 * instead (README, "Variants"). Each page carries its variant as `&variant=`, so one server serves
 * them all. The org is set up as a real one would be: the connections' scopes are the manifest's (so
 * `oas-lock-scopes` holds only if the manifest asks for the OpenAPI files' scopes too), and the API
 * limit is reached through the harness's switch, as a busy org reaches it.
 */
const suite = useBrowserSuite({
  // Zoho documents that its search index may trail a change and gives no figure; a lag longer than a
  // whole journey makes every search under `locked-search-lag` meet it, on a slow machine too.
  server: { emulatorOptions: { searchLagSeconds: 600 } },
});

const DEFAULT = 'default';
const ROWS = [DEFAULT, ...VARIANTS];

/** The journeys, and the variants a journey means something under when not every one. */
const JOURNEYS: { name: string; run: Journey; only?: readonly string[] }[] = [
  { name: 'view', run: viewJourney },
  { name: 'lock', run: lockJourney },
  { name: 'edit', run: editJourney },
  { name: 'unlock', run: unlockJourney },
  { name: 'ask', run: askJourney },
  { name: 'history', run: historyJourney },
  { name: 'tab list', run: tabListJourney },
  { name: 'bulk unlock', run: bulkUnlockJourney },
  // No 429 happens in the other journeys: this one reaches the limit, so that `rate-limit-exceeded`'s
  // answer is met at all; the other variants change nothing in a 429.
  { name: 'API limit', run: apiLimitJourney, only: [DEFAULT, 'rate-limit-exceeded'] },
];
const applies = (row: string, journey: string): boolean => JOURNEYS.find((j) => j.name === journey)?.only?.includes(row) ?? true;
const report = createMatrixReport(ROWS, JOURNEYS.map(({ name }) => name), applies);

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

describe.each(ROWS)('under %s', (row) => {
  const variant = row === DEFAULT ? undefined : row;

  beforeEach(() => {
    // A journey that fails waits no longer than the widget is given anywhere else.
    suite.context().setDefaultTimeout(WAIT.timeout);
  });

  it.each(JOURNEYS.filter(({ name }) => applies(row, name)))('$name', async ({ name: journey, run }) => {
    const context = suite.context();
    try {
      await run({
        context,
        serverUrl: suite.server().url,
        emulator: suite.server().emulator,
        variant,
        noteCalls: (visit, count) => report.noteCalls(row, visit, count),
      });
      await expectNoUnknownAnswer(context);
      report.record(row, journey, { passed: true });
    } catch (error) {
      report.record(row, journey, { passed: false, seen: `${firstLine(error)} — shown: ${await whatTheUserSees(context)}` });
      throw error;
    }
  });
});

describe('the variant matrix', () => {
  it('reports the journeys passed and the API calls of a cold and a warm panel view under each variant', () => {
    console.log(`Variant matrix (journeys passed; calls of a cold and a warm view of a locked deal):\n${report.table()}`);
    expect(report.missing()).toEqual([]);
  });
});
