import { CrmError } from '../crm/crm-error';
import type { LockWrites } from '../crm/lock-writes';
import type { NoteCalls } from '../crm/notes';
import type { SelectedRecord } from '../crm/selected-records';
import type { Lock } from '../crm/types';
import { lockChecked, unlockChecked } from './checked-changes';
import type { ChangeContext } from './checked-changes';
import { describeFailure } from './describe-failure';
import type { HistoryEvent } from './history-line';
import { createHistoryWriter } from './history-writer';
import type { HistoryWriter } from './history-writer';
import type { LimitWait } from './limit-wait';
import { isRetryable, lockOutcomeOf, unlockListOutcomeOf } from './list-outcomes';
import type { ListOutcome, ListResult } from './list-results';
import type { ListSession } from './list-start';
import type { Settlement } from './races';

// Part of the list page's runs, which load on demand.

export interface RecordChangeCore {
  mayUnlock(lock: Lock): boolean;
  limit: LimitWait;
  now: () => Date;
}

/** One selected record's change, as the record panel makes it, and what it turned out to be. */
export interface RecordChanges {
  /** Locks with `reason`; `verifyFirst` looks for the viewer's lock before sending another. */
  lock(record: SelectedRecord, reason: string, verifyFirst: boolean): Promise<ListResult>;
  unlock(record: SelectedRecord, lock: Lock): Promise<ListResult>;
  /** An unlock tried again: the lock is read first, and only the viewer's own is unlocked. */
  unlockAgain(record: SelectedRecord): Promise<ListResult>;
  /** Writes the record's missed history note again; whether it is still missing. */
  writeMissedNote(record: SelectedRecord): Promise<boolean>;
}

/**
 * Each record's lock and unlock over the rules every page shares (checked-changes.ts), and its
 * history note as the record panel writes it, once Zoho confirmed the change.
 */
export function createRecordChanges(core: RecordChangeCore, session: ListSession, writes: LockWrites, notes: NoteCalls): RecordChanges {
  const { user, calls, module } = session;
  const author = { id: user.id, name: user.fullName };
  const writers = new Map<string, HistoryWriter>();
  const ended = (record: SelectedRecord, outcome: ListOutcome): ListResult => ({ record, outcome, noteMissed: false, retryable: isRetryable(outcome) });
  const contextOf = (record: SelectedRecord, lockWrites = writes): ChangeContext => ({
    locks: calls.locks,
    writes: lockWrites,
    record: { module, recordId: record.id },
    userId: user.id,
    userName: user.fullName,
    now: core.now,
    configurations: calls.settings,
  });

  // Zoho's API limit, once it refused a change: the run's later changes are not sent until it has passed.
  let limited: ListOutcome | null = null;
  const holdBack = (record: SelectedRecord) => (limited && core.limit.until.value !== null ? ended(record, limited) : null);

  /** Zoho's limit holds Try again back; a refusal the cached settings did not foresee drops them. */
  function heed(settlement: Settlement): void {
    core.limit.waitOut(settlement.failure);
    if (settlement.failure?.waitSeconds) limited = { kind: 'failed', failure: settlement.failure };
    if (settlement.settingsContradicted) session.settingsSource.drop();
  }

  /** A record's result; a change Zoho confirmed gets its history note first. */
  async function result(record: SelectedRecord, outcome: ListOutcome, event: HistoryEvent | null): Promise<ListResult> {
    if (!event) return ended(record, outcome);
    const writer = createHistoryWriter({ notes: async () => notes, record: { module, recordId: record.id }, author, now: core.now });
    writers.set(record.id, writer);
    await writer.write(event);
    return { ...ended(record, outcome), noteMissed: writer.missed.value.length > 0 };
  }

  async function unlock(record: SelectedRecord, lock: Lock): Promise<ListResult> {
    const held = holdBack(record);
    if (held) return held;
    const settlement = await unlockChecked(contextOf(record), lock);
    heed(settlement);
    const outcome = unlockListOutcomeOf(settlement);
    return result(record, outcome, outcome.kind === 'unlocked' ? { kind: 'unlocked', by: author.name } : null);
  }

  return {
    async lock(record, reason, verifyFirst) {
      const held = holdBack(record);
      if (held) return held;
      const watched = watchRefusal(writes);
      // Nothing shows the new lock here: a lock Zoho confirms by its id alone is not read back.
      const settlement = await lockChecked(contextOf(record, watched.writes), reason, verifyFirst, false);
      heed(settlement);
      const outcome = lockOutcomeOf(settlement, watched.refused());
      return result(record, outcome, outcome.kind === 'locked' ? { kind: 'locked', by: author.name, reason } : null);
    },
    unlock,
    async unlockAgain(record) {
      let lock: Lock | null;
      try {
        lock = await calls.locks.getLock({ module, recordId: record.id });
      } catch (error) {
        const failure = { ...describeFailure(error), retryable: true };
        core.limit.waitOut(failure);
        return ended(record, { kind: 'unknown', failure });
      }
      if (lock === null) return ended(record, { kind: 'alreadyUnlocked' });
      return core.mayUnlock(lock) ? unlock(record, lock) : ended(record, { kind: 'changed' });
    },
    async writeMissedNote(record) {
      const writer = writers.get(record.id);
      await writer?.writeMissed();
      return (writer?.missed.value.length ?? 0) > 0;
    },
  };
}

/**
 * The writes, noting whether Zoho refused the lock outright (its own error, not a lost answer): a
 * lock of the viewer's own found after that was there before this run.
 */
function watchRefusal(writes: LockWrites): { writes: LockWrites; refused(): boolean } {
  let refused = false;
  return {
    writes: {
      ...writes,
      async lock(record, reason) {
        try {
          return await writes.lock(record, reason);
        } catch (error) {
          refused = error instanceof CrmError;
          throw error;
        }
      },
    },
    refused: () => refused,
  };
}
