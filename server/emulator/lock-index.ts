/**
 * Locked__s as Zoho's search index holds it. Zoho documents that a search may miss a record just
 * created or changed (its index lags); under the `locked-search-lag` variant the index follows a
 * lock or an unlock only some seconds after it. So the emulator notes when each record turned locked
 * or unlocked, whichever call did it (a lock call, a rule, a deleted configuration or record).
 */
import type { EmulatorState } from './state';

/** Older changes are forgotten: no lag is that long. */
const KEPT_MS = 24 * 60 * 60 * 1000;

interface LockChange {
  at: number;
  /** Whether the record was locked before this change. */
  lockedBefore: boolean;
}

export interface LockIndex {
  /** Starts again from the state as it is, with no change pending (a new or reset org). */
  restart(state: EmulatorState): void;
  /** After a call that may have changed locks: notes each record that turned locked or unlocked. */
  note(state: EmulatorState, at: number): void;
  /** Whether the index holds the record as locked at `at`, when it trails the locks by `lagMs`. */
  lockedAsIndexed(module: string, recordId: string, lockedNow: boolean, at: number, lagMs: number): boolean;
}

const keyOf = (module: string, recordId: string): string => `${module}/${recordId}`;

const lockedKeys = (state: EmulatorState): Set<string> => new Set(state.locks.map((l) => keyOf(l.module, l.recordId)));

export const createLockIndex = (state: EmulatorState): LockIndex => {
  let known = lockedKeys(state);
  const changes = new Map<string, LockChange[]>();

  return {
    restart: (next) => {
      known = lockedKeys(next);
      changes.clear();
    },
    note: (next, at) => {
      const current = lockedKeys(next);
      for (const key of new Set([...known, ...current])) {
        if (known.has(key) === current.has(key)) continue;
        const kept = (changes.get(key) ?? []).filter((change) => change.at > at - KEPT_MS);
        changes.set(key, [...kept, { at, lockedBefore: known.has(key) }]);
      }
      known = current;
    },
    lockedAsIndexed: (module, recordId, lockedNow, at, lagMs) => {
      // The index shows the record as it was before its first change still within the lag.
      const pending = changes.get(keyOf(module, recordId))?.find((change) => change.at > at - lagMs);
      return pending ? pending.lockedBefore : lockedNow;
    },
  };
};
