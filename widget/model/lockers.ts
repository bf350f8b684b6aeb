import type { LoadedLock } from './locked-list';

/** People who locked one of the loaded records by hand, by name: the "Locked by" filter's choices. */
export function lockersOf(loaded: readonly LoadedLock[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const { lock } of loaded) if (lock.lockedBy) byId.set(lock.lockedBy.id, lock.lockedBy.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
