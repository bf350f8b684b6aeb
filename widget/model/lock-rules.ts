import type { Lock, LockingConfiguration } from '../crm/types';

/** The name of the rule behind a lock, when the configuration knows it. */
export function ruleNameOf(configuration: LockingConfiguration | null, lock: Lock | null): string | null {
  const ruleId = lock?.ruleId;
  return ruleId ? (configuration?.rules.find((rule) => rule.id === ruleId)?.name ?? null) : null;
}

/**
 * Whether an unlock request asked at `askedAt` belongs to the lock set at `lockedAt`: one asked
 * before the lock was set was about an earlier lock of the record, and is no longer its locker's
 * to answer.
 */
export function belongsToLock(lockedAt: string, askedAt: string): boolean {
  return Date.parse(askedAt) >= Date.parse(lockedAt);
}
