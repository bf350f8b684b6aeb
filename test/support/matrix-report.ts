import type { BrowserContext } from 'playwright-core';
import { WIDGET_FRAME } from './record-page';

/** A journey's result under one variant: passed, or what the user saw when it did not. */
export type JourneyOutcome = { passed: true } | { passed: false; seen: string };

/** A panel view's API calls: the first in a fresh context, and the next one in the same context. */
export type Visit = 'cold' | 'warm';

/** How far an excerpt of the page goes, so one table row stays readable. */
const EXCERPT = 240;

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * What the user sees in every extension frame of the context's pages: the alerts when there are any
 * (that is what went wrong), else the beginning of the frame's text.
 */
export async function whatTheUserSees(context: BrowserContext): Promise<string> {
  const seen: string[] = [];
  for (const page of context.pages()) {
    const frame = page.frameLocator(WIDGET_FRAME);
    try {
      const alerts = (await frame.getByRole('alert').allInnerTexts()).map(squeeze).filter((text) => text !== '');
      const text = alerts.length > 0 ? alerts.join(' | ') : squeeze(await frame.locator('body').innerText({ timeout: 1_000 }));
      seen.push(`${new URL(page.url()).pathname}: ${text.slice(0, EXCERPT)}`);
    } catch {
      seen.push(`${page.url()}: (no extension frame)`);
    }
  }
  return seen.join(' || ') || '(no page open)';
}

/**
 * The matrix's results, kept while its tests run and printed as one table at the end. `applies`
 * says which journeys run under a variant (the others show as n/a).
 */
export function createMatrixReport(variants: readonly string[], journeys: readonly string[], applies: (variant: string, journey: string) => boolean) {
  const outcomes = new Map<string, JourneyOutcome>();
  const calls = new Map<string, number>();
  const key = (...parts: string[]) => parts.join('\n');

  return {
    record(variant: string, journey: string, outcome: JourneyOutcome): void {
      outcomes.set(key(variant, journey), outcome);
    },
    noteCalls(variant: string, visit: Visit, count: number): void {
      calls.set(key(variant, visit), count);
    },
    /** Journeys run under no variant yet, e.g. when a test name filter left them out. */
    missing(): string[] {
      return variants.flatMap((variant) =>
        journeys.filter((journey) => applies(variant, journey) && !outcomes.has(key(variant, journey))).map((journey) => `${variant}: ${journey}`),
      );
    },
    /** One row per variant: each journey's pass or fail, the count passed, and the calls of a cold and a warm view. */
    table(): string {
      const width = Math.max(...variants.map((v) => v.length));
      const header = `${'variant'.padEnd(width)}  ${journeys.map((j) => j.padEnd(6)).join(' ')}  passed  calls cold/warm`;
      const rows = variants.map((variant) => {
        const cells = journeys.map((journey) => {
          const outcome = outcomes.get(key(variant, journey));
          const cell = !applies(variant, journey) ? 'n/a' : outcome === undefined ? '-' : outcome.passed ? 'pass' : 'FAIL';
          return cell.padEnd(Math.max(6, journey.length));
        });
        const run = journeys.filter((journey) => applies(variant, journey)).length;
        const passed = journeys.filter((journey) => outcomes.get(key(variant, journey))?.passed === true).length;
        const count = (visit: Visit) => String(calls.get(key(variant, visit)) ?? '-');
        return `${variant.padEnd(width)}  ${cells.join(' ')}  ${`${passed}/${run}`.padEnd(6)}  ${count('cold')}/${count('warm')}`;
      });
      const failures = variants.flatMap((variant) =>
        journeys.flatMap((journey) => {
          const outcome = outcomes.get(key(variant, journey));
          return outcome && !outcome.passed ? [`  ${variant} / ${journey}: ${outcome.seen}`] : [];
        }),
      );
      return [header, ...rows, ...(failures.length > 0 ? ['', 'What the user saw where a journey failed:', ...failures] : [])].join('\n');
    },
  };
}

export type MatrixReport = ReturnType<typeof createMatrixReport>;
