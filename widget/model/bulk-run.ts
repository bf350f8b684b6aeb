import type { Signal } from '@preact/signals-core';

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
  run.value = { total, results: [...keeps], finished: false };
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
