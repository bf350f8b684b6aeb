import './model-base';
import * as z from '../host/zod';
import type { KeyValueStore } from '../host/storage';
import type { SettingsScope } from './settings-cache';

/**
 * How long this browser's own lock or unlock stands over what Zoho's search answers. Zoho names no
 * delay for its index ("records may not appear just after they are created or updated"); five
 * minutes outlasts the delays seen by far (the emulator lags 30 s by default) and keeps the list short.
 */
export const RECENT_CHANGE_MS = 5 * 60_000;
/** More than a person changes in five minutes; a bulk unlock past it keeps its newest. */
const MAX_CHANGES = 50;

/** A lock or unlock made (or found made) in this browser. */
export interface RecentChange {
  module: string;
  recordId: string;
  /** The record's name, for a row the search has not found yet. */
  name: string;
  locked: boolean;
  /** ms since the epoch */
  at: number;
}

export interface RecentChanges {
  /** Notes that the record was just locked or unlocked; it replaces what was noted of the record before. */
  note(change: Omit<RecentChange, 'at'>): void;
  /** The module's changes of the last RECENT_CHANGE_MS, newest first, one per record. */
  of(module: string): RecentChange[];
}

const changesSchema = z.array(z.object({ module: z.string(), recordId: z.string(), name: z.string(), locked: z.boolean(), at: z.number() }));

/** What the store holds, or none when it is missing, not JSON or of another shape. */
function readChanges(store: KeyValueStore, key: string): RecentChange[] {
  try {
    return changesSchema.safeParse(JSON.parse(store.get(key) ?? 'null')).data ?? [];
  } catch {
    // not JSON: ignored, and replaced by the next note
    return [];
  }
}

/**
 * This browser's recent locks and unlocks, per org and user, in the widget origin's storage: the
 * record panel and the Web Tab note theirs, and the tab merges them over a search index that lags.
 * @example createRecentChanges({ store, now: Date.now, scope: { orgId, apiDomain, userId } }).of('Deals')
 */
export function createRecentChanges({ store, now, scope }: { store: KeyValueStore; now: () => number; scope: Omit<SettingsScope, 'module'> }): RecentChanges {
  const key = `recordlock.recent:${scope.orgId ?? scope.apiDomain}:${scope.userId}`;
  const current = () =>
    readChanges(store, key).filter((change) => {
      const age = now() - change.at;
      // A clock set back makes the age negative: such a change is not trusted as recent.
      return age >= 0 && age <= RECENT_CHANGE_MS;
    });
  return {
    note(change) {
      const others = current().filter((known) => known.module !== change.module || known.recordId !== change.recordId);
      store.set(key, JSON.stringify([{ ...change, at: now() }, ...others].slice(0, MAX_CHANGES)));
    },
    of: (module) => current().filter((change) => change.module === module),
  };
}
