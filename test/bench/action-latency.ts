import type { Browser } from 'playwright-core';
import { SEED } from '../../server/emulator/index';
import type { DevServer } from '../../server/index';
import { openRecordPage } from '../support/record-page';
import { median, round1 } from './stats';
import { connectionRoundTrip, timeClickToConfirmed } from './widget-timing';

export interface ActionTiming {
  action: 'lock' | 'edit reason' | 'unlock';
  latencyMs: number;
  runs: number;
  medianMs: number;
  roundTripMs: number;
  roundTrips: number;
}

/** Click to confirmed state for lock, edit and unlock, `runs` times each at each latency, on a fresh org each run. */
export async function measureActions(browser: Browser, server: DevServer, latencies: number[], runs: number): Promise<ActionTiming[]> {
  const results: ActionTiming[] = [];
  for (const latencyMs of latencies) {
    const samples = { lock: [] as number[], 'edit reason': [] as number[], unlock: [] as number[] };
    const roundTrips: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      server.emulator.reset();
      const context = await browser.newContext();
      try {
        const view = await openRecordPage(context, server.url, { user: 'rep@example.com', record: SEED.deals.acmeRenewal, latencyMs });
        const frame = view.widgetFrame();
        const reason = view.widget.getByRole('textbox', { name: 'Lock reason' });

        await view.widget.getByRole('button', { name: 'Lock record' }).click();
        await reason.fill(`Benchmark lock ${run}`);
        samples.lock.push(await timeClickToConfirmed(frame, { button: 'Save', status: 'Locked by you', notice: 'Record locked.' }));

        await view.widget.getByRole('button', { name: 'Edit reason' }).click();
        await reason.fill(`Benchmark reason ${run}`);
        samples['edit reason'].push(
          await timeClickToConfirmed(frame, { button: 'Save', status: `Benchmark reason ${run}`, notice: 'Reason saved.' }),
        );

        await view.widget.getByRole('button', { name: 'Unlock record' }).click();
        // The confirm step may load on demand: time the click on it, not its loading.
        await view.widget.getByRole('button', { name: 'Yes, unlock' }).waitFor();
        samples.unlock.push(await timeClickToConfirmed(frame, { button: 'Yes, unlock', status: 'Unlocked', notice: 'Record unlocked.' }));
        roundTrips.push(await connectionRoundTrip(frame));
      } finally {
        await context.close();
      }
    }
    const roundTripMs = median(roundTrips);
    for (const action of ['lock', 'edit reason', 'unlock'] as const) {
      const medianMs = median(samples[action]);
      results.push({ action, latencyMs, runs, medianMs: round1(medianMs), roundTripMs: round1(roundTripMs), roundTrips: round1(medianMs / roundTripMs) });
    }
  }
  return results;
}
