import './model-base';

// The runs' calls load with them: one part.
export { lockWrites } from '../crm/lock-writes';
import { batch } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { LockWrites } from '../crm/lock-writes';
import type { SelectedRecord } from '../crm/selected-records';
import { bulkProgress } from './bulk-run';
import { inParallel, MAX_IN_FLIGHT } from './in-parallel';
import { findMyLocks } from './list-lock-reads';
import { createRecordChanges } from './list-changes';
import type { RecordChangeCore } from './list-changes';
import type { ListAction, ListResult, ListRun, UnlockChoice } from './list-results';
import type { ListSession } from './list-start';

/** What the list page's store lends its runs: the selection, its settings, and where a run shows. */
export interface ListRunCore extends RecordChangeCore {
  records: ReadonlySignal<SelectedRecord[]>;
  action: Signal<ListAction | null>;
  run: Signal<ListRun | null>;
  unlockChoice: Signal<UnlockChoice | null>;
}

export interface ListRuns {
  /** Locks every selected record Zoho showed the viewer with `reason`, a few at a time, each with its history note. */
  lockAll(reason: string): Promise<void>;
  /** Reads the selected records' locks and keeps the viewer's own manual ones that the shared rules let them unlock. */
  findMyLocks(): Promise<void>;
  /** Unlocks the locks `findMyLocks` kept with the one optional `reason`, each with its history note and request answers. */
  unlockMine(reason: string): Promise<void>;
  /** Runs the finished run's change again for the records it may help, reading those of unknown outcome first. */
  retryFailed(): Promise<void>;
  /** Writes again the history notes a finished run could not write, and only them. */
  writeMissedNotes(): Promise<void>;
}

/**
 * The list page's lock and unlock runs over the rules every page shares (checked-changes.ts): no
 * read before a lock (Zoho refuses a second one itself), a few calls in flight, each change's
 * history note written as the record panel writes it. Loaded on demand, with their calls.
 */
export function createListRuns(core: ListRunCore, session: ListSession, writes: LockWrites): ListRuns {
  const changes = createRecordChanges(core, session, writes);
  const idle = () => core.run.value === null || core.run.value.finished;

  /** One pass over `items`, a few at a time, shown as it goes after the results it `keeps`. */
  async function pass<Item>(action: ListAction, items: readonly Item[], keeps: readonly ListResult[], change: (item: Item) => Promise<ListResult>) {
    const progress = batch(() => {
      core.action.value = action;
      return bulkProgress(core.run, items.length + keeps.length, keeps);
    });
    await inParallel(items, MAX_IN_FLIGHT, async (item) => progress.add(await change(item)));
    progress.finish();
  }

  let reason = '';
  return {
    async lockAll(text) {
      if (!idle()) return;
      reason = text;
      await pass('lock', core.records.value, [], (record) => changes.lock(record, reason, false));
    },
    async findMyLocks() {
      if (!idle() || core.unlockChoice.value?.reading) return;
      core.unlockChoice.value = { reading: true, mine: [], others: 0, unread: [], failure: null };
      const choice = await findMyLocks(core.records.value, session.calls.locks, session.module, core.mayUnlock);
      core.limit.waitOut(choice.failure);
      core.unlockChoice.value = choice;
    },
    async unlockMine(text) {
      const choice = core.unlockChoice.value;
      if (!idle() || !choice || choice.reading || choice.mine.length === 0) return;
      reason = text;
      await pass('unlock', choice.mine, [], ({ record, lock }) => changes.unlock(record, lock, reason));
    },
    async retryFailed() {
      const current = core.run.value;
      const action = core.action.value;
      if (!current?.finished || !action || core.limit.until.value !== null) return;
      const again = current.results.filter((each) => each.retryable);
      if (again.length === 0) return;
      const keeps = current.results.filter((each) => !each.retryable);
      // A lock of unknown outcome may stand: it is looked for before another is sent.
      const change = ({ record, outcome }: ListResult) =>
        action === 'lock' ? changes.lock(record, reason, outcome.kind === 'unknown') : changes.unlockAgain(record, reason);
      await pass(action, again, keeps, change);
    },
    async writeMissedNotes() {
      const current = core.run.value;
      if (!current?.finished) return;
      await changes.writeMissedNotes();
      const latest = core.run.value;
      if (latest) core.run.value = { ...latest, results: latest.results.map((each) => ({ ...each, noteMissed: each.noteMissed && changes.noteMissed(each.record) })) };
    },
  };
}
