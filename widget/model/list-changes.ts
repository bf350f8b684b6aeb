import { CrmError } from '../crm/crm-error';
import type { LockWrites } from '../crm/lock-writes';
import type { SelectedRecord } from '../crm/selected-records';
import type { Lock } from '../crm/types';
import { lockChecked, unlockChecked } from './checked-changes';
import type { ChangeContext } from './checked-changes';
import { describeFailure } from './describe-failure';
import { sentTogether } from './failure';
import type { HistoryEvent } from './history-line';
import type { LimitWait } from './limit-wait';
import { isRetryable, lockOutcomeOf, unlockListOutcomeOf } from './list-outcomes';
import type { ListOutcome, ListResult } from './list-results';
import type { ListSession } from './list-start';
import { createPageFollowUp } from './page-follow-up';
import { createRecentChanges } from './recent-changes';
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
  /** Unlocks with the optional `reason`; the history note and the answers to open requests follow, as on every page. */
  unlock(record: SelectedRecord, lock: Lock, reason: string): Promise<ListResult>;
  /** An unlock tried again: the lock is read first, and only the viewer's own is unlocked. */
  unlockAgain(record: SelectedRecord, reason: string): Promise<ListResult>;
  /** Writes the missed history notes again, and only them. */
  writeMissedNotes(): Promise<void>;
  /** Whether the record's history note is still missing. */
  noteMissed(record: SelectedRecord): boolean;
}

/**
 * Each record's lock and unlock over the rules every page shares (checked-changes.ts), and its
 * history note as the record panel writes it, once Zoho confirmed the change; an unlock also
 * answers the record's open unlock requests (page-follow-up.ts).
 */
export function createRecordChanges(core: RecordChangeCore, session: ListSession, writes: LockWrites): RecordChanges {
  const { user, calls, module } = session;
  const author = { id: user.id, name: user.fullName };
  const { followUp, writer } = createPageFollowUp({ calls: calls.activity, author, now: core.now, store: session.store, org: session.org });
  const noteMissed = (record: SelectedRecord) => writer.missed.value.some((entry) => entry.record.recordId === record.id);
  const contextOf = (record: SelectedRecord, lockWrites = writes): ChangeContext => ({
    locks: calls.locks,
    writes: lockWrites,
    record: { module, recordId: record.id },
    userId: user.id,
    userName: user.fullName,
    now: core.now,
    configurations: calls.settings,
    followUp,
  });

  const { holdBack, heed } = runLimit(core, session);

  /** Noted for the Web Tab in this browser, whose search may not show the change yet. */
  const recent = createRecentChanges({ store: session.store, now: () => core.now().getTime(), scope: session.scope });
  const noteRecent = (record: SelectedRecord, locked: boolean) => recent.note({ module, recordId: record.id, name: record.name, locked });

  /** A record's result; a change Zoho confirmed gets its history note first. */
  async function result(record: SelectedRecord, outcome: ListOutcome, event: HistoryEvent | null): Promise<ListResult> {
    if (!event) return ended(record, outcome);
    await writer.write({ module, recordId: record.id }, event);
    return { ...ended(record, outcome), noteMissed: noteMissed(record) };
  }

  async function unlock(record: SelectedRecord, lock: Lock, reason: string): Promise<ListResult> {
    const held = holdBack(record);
    if (held) return held;
    const settlement = heed(await unlockChecked(contextOf(record), lock, reason));
    if (settlement.lock === null) noteRecent(record, false);
    // The note and the request answers count against Zoho's concurrency too: the next change waits for them.
    await settlement.followUp;
    return { ...ended(record, unlockListOutcomeOf(settlement)), noteMissed: noteMissed(record) };
  }

  return {
    async lock(record, reason, verifyFirst) {
      const held = holdBack(record);
      if (held) return held;
      const watched = watchRefusal(writes);
      // Nothing shows the new lock here: a lock Zoho confirms by its id alone is not read back.
      const settlement = heed(await lockChecked(contextOf(record, watched.writes), reason, verifyFirst, false));
      const outcome = lockOutcomeOf(settlement, watched.refused());
      if (outcome.kind === 'locked') noteRecent(record, true);
      return result(record, outcome, outcome.kind === 'locked' ? { kind: 'locked', by: author.name, reason } : null);
    },
    unlock,
    async unlockAgain(record, reason) {
      let lock: Lock | null;
      try {
        lock = await calls.locks.getLock({ module, recordId: record.id });
      } catch (error) {
        const failure = { ...describeFailure(error), retryable: true };
        core.limit.waitOut(failure);
        return ended(record, { kind: 'unknown', failure });
      }
      if (lock === null) return ended(record, { kind: 'alreadyUnlocked' });
      return core.mayUnlock(lock) ? unlock(record, lock, reason) : ended(record, { kind: 'changed' });
    },
    writeMissedNotes: () => writer.writeMissed(),
    noteMissed,
  };
}

const ended = (record: SelectedRecord, outcome: ListOutcome): ListResult => ({ record, outcome, noteMissed: false, retryable: isRetryable(outcome) });

/** Zoho's API limit over a run: once it refused a change, the run's later changes are not sent until it has passed. */
function runLimit(core: RecordChangeCore, session: ListSession) {
  let limited: ListOutcome | null = null;
  return {
    holdBack: (record: SelectedRecord) => (limited && core.limit.until.value !== null ? ended(record, limited) : null),
    /**
     * Zoho's limit holds Try again back (the run sends three at a time, so a 429 naming no wait is
     * said as too many at once); a refusal the cached settings did not foresee drops them.
     */
    heed(settled: Settlement): Settlement {
      const settlement = settled.failure ? { ...settled, failure: sentTogether(settled.failure) } : settled;
      core.limit.waitOut(settlement.failure);
      if (settlement.failure?.waitSeconds) limited = { kind: 'failed', failure: settlement.failure };
      if (settlement.settingsContradicted) session.settingsSource.drop();
      return settlement;
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
