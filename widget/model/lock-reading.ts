import './model-base';
import { batch } from '@preact/signals-core';
import type { Lock } from '../crm/types';
import { describeFailure } from './describe-failure';
import type { Failure } from './failure';
import type { LimitWait } from './limit-wait';
import type { Session } from './lock-session';
import type { LockState } from './lock-state';

/** What the panel does when something failed: what Try again repeats, and whether the screen may be stale. */
export interface Recovery {
  retryLast: (() => Promise<void>) | null;
  /** The last change failed and the lock could not be read since: the screen may be out of date. */
  stateUnknown: boolean;
  /** Bumped when a change starts and when it ends: a re-read begun before either may show the lock as it was. */
  changes: number;
}

export interface LockReading {
  /** Reads the lock again without hiding what is shown. */
  refresh(): Promise<void>;
  /** Reads the lock after a change of unknown outcome and shows it, replacing the stale failure. */
  rereadLock(): Promise<void>;
  /**
   * Reads the module's settings again in the background and shows them: a stale cache entry was
   * shown, or Zoho refused what the cached settings allowed (`contradicted` drops the entry first).
   * A failure keeps what is shown; the next view reads them again.
   */
  rereadSettings(contradicted: boolean): void;
}

/**
 * The panel's reads of a lock it already shows: on the page coming back into view, after a stale
 * settings entry, and after a change that failed. Loaded on demand: a view shows the lock without it.
 */
export function createLockReading(state: LockState, limit: LimitWait, session: () => Session | null, recovery: Recovery): LockReading {
  /**
   * Reads the lock while no change runs and hands it to `show`. An answer or failure overtaken by a
   * change is dropped: that change settles the state itself, and this answer may predate it.
   */
  async function readLock(show: (found: Lock | null) => void, failureOf: (failure: unknown) => Failure, again: () => Promise<void>) {
    const current = session();
    if (!current || state.inFlight.value !== null) return;
    state.refreshing.value = true;
    const seen = recovery.changes;
    try {
      const found = await current.calls.locks.getLock(current.record);
      if (seen === recovery.changes) show(found);
    } catch (failure) {
      if (seen !== recovery.changes) return;
      recovery.retryLast = again;
      state.error.value = failureOf(failure);
      limit.waitOut(state.error.value, () => void again());
    } finally {
      state.refreshing.value = false;
    }
  }

  async function refresh(): Promise<void> {
    if (state.refreshing.value) return;
    await readLock(
      (found) => state.apply({ succeeded: false, lock: found, notice: state.notice.value ?? undefined, failure: state.error.value ?? undefined }),
      describeFailure,
      refresh,
    );
  }

  async function rereadLock(): Promise<void> {
    await readLock(
      (found) => {
        recovery.stateUnknown = false;
        batch(() => {
          state.lock.value = found;
          state.error.value = null;
        });
      },
      (failure) => ({ ...describeFailure(failure), retryable: true }),
      rereadLock,
    );
  }

  return {
    refresh,
    rereadLock,
    rereadSettings(contradicted) {
      const current = session();
      if (!current) return;
      if (contradicted) current.settings.drop();
      current.settings.read().then(state.showSettings, () => undefined);
    },
  };
}
