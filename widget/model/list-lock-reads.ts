import type { LockReads } from '../crm/lock-reads';
import type { SelectedRecord } from '../crm/selected-records';
import type { Lock } from '../crm/types';
import { describeFailure } from './describe-failure';
import { inParallel, MAX_IN_FLIGHT } from './in-parallel';
import type { UnlockChoice } from './list-results';

// Part of the list page's runs, which load on demand.

/**
 * Reads the lock of each selected record, a few at a time, and keeps those `mine` says the viewer
 * may unlock here; a lock that cannot be read is named and left alone. In the selection's order.
 */
export async function findMyLocks(records: readonly SelectedRecord[], locks: LockReads, module: string, mine: (lock: Lock) => boolean): Promise<UnlockChoice> {
  const found = new Map<string, Lock>();
  const unread = new Set<string>();
  let error: unknown = null;
  await inParallel(records, MAX_IN_FLIGHT, async (record) => {
    try {
      const lock = await locks.getLock({ module, recordId: record.id });
      if (lock && mine(lock)) found.set(record.id, lock);
    } catch (failure) {
      unread.add(record.id);
      error ??= failure;
    }
  });
  return {
    reading: false,
    mine: records.flatMap((record) => {
      const lock = found.get(record.id);
      return lock ? [{ record, lock }] : [];
    }),
    others: records.length - found.size - unread.size,
    unread: records.filter((record) => unread.has(record.id)),
    failure: unread.size > 0 ? describeFailure(error) : null,
  };
}
