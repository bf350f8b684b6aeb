import { batch } from '@preact/signals-core';
import type { Signal } from '@preact/signals-core';
import { inParallel, MAX_IN_FLIGHT } from './in-parallel';
import type { Settlement } from './races';

/** One change of a run over many records, and what it turned out to mean. */
export interface BulkStep<Item> {
  item: Item;
  settlement: Settlement;
}

/**
 * Runs `change` for every item, a few at a time (Zoho's concurrency limit is shared with every
 * other app of the user), and reports each step as it settles; none stops the rest. `settled` hears
 * each step in the order they finish; the run resolves once all have.
 * @example await runBulk(rows, (row) => unlockChecked(contextOf(row), row.lock), (step) => report(step));
 */
export async function runBulk<Item>(items: readonly Item[], change: (item: Item) => Promise<Settlement>, settled: (step: BulkStep<Item>) => void): Promise<void> {
  await inParallel(items, MAX_IN_FLIGHT, async (item) => settled({ item, settlement: await change(item) }));
}

/** The run's state, as a page shows it: how many, what each became so far, and whether it is over. */
export interface BulkProgress<Result> {
  total: number;
  results: Result[];
  finished: boolean;
}

/**
 * Starts a run's progress in `run`, adds to it as steps settle, and ends it. A run that tries some
 * items again starts from the results it `keeps` of the run before, counted in `total`.
 */
export function bulkProgress<Result>(run: Signal<BulkProgress<Result> | null>, total: number, keeps: readonly Result[] = []) {
  batch(() => void (run.value = { total, results: [...keeps], finished: false }));
  return {
    add(result: Result) {
      const current = run.value;
      if (current) run.value = { ...current, results: [...current.results, result] };
    },
    finish() {
      const current = run.value;
      if (current) run.value = { ...current, finished: true };
    },
  };
}
