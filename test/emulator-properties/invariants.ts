/**
 * What must hold of the emulator's state after every step, whatever happened before: one lock per
 * record at most, every lock belongs to a configured module and an existing record, a rule-held lock
 * names a rule of the configuration that matches its record, automatic locks never come from a POST,
 * manual locks from a POST by someone allowed to lock, with a reason Zoho would accept; a "Both"
 * lock is a manual one a rule also holds.
 */
import { expect } from 'vitest';
import type { EmulatorState } from '../../server/emulator/state';
import { configurationOf, criteriaHold, recordOf } from './org-state';
import { LOCKING_PROFILES } from './org-under-test';

export interface LockOrigins {
  /** Ids of manual locks in the seed. */
  seededManual: ReadonlySet<string>;
  /** Ids of locks that appeared after a lock POST. */
  posted: ReadonlySet<string>;
}

export const checkInvariants = (state: EmulatorState, origins: LockOrigins): void => {
  const keys = state.locks.map((l) => `${l.module}/${l.recordId}`);
  expect(new Set(keys).size, `more than one lock on a record: ${keys.join(' ')}`).toBe(keys.length);

  for (const lock of state.locks) {
    const configuration = configurationOf(state, lock.module);
    expect(configuration, `lock ${lock.id} on a module without configuration`).toBeDefined();
    expect(lock.configurationId).toBe(configuration?.id);
    expect(recordOf(state, lock.module, lock.recordId), `lock ${lock.id} on a missing record`).toBeDefined();

    if (lock.source !== 'Manual') {
      expect(configuration?.lock_type, `${lock.source} lock ${lock.id} under manual-only locking`).not.toBe('manual');
      const rule = configuration?.locking_rules.find((r) => r.id === lock.ruleId);
      expect(rule, `${lock.source} lock ${lock.id} without its rule`).toBeDefined();
      const fields = recordOf(state, lock.module, lock.recordId)?.fields ?? {};
      expect(rule && criteriaHold(rule.criteria, fields), `${lock.source} lock ${lock.id} names a rule its record no longer matches`).toBe(true);
    } else {
      expect(lock.ruleId).toBeNull();
    }
    if (lock.source === 'Automatic') {
      expect(lock.reason).toBeNull();
      expect(lock.lockedById).toBeNull();
      expect(origins.posted.has(lock.id), `automatic lock ${lock.id} created by POST`).toBe(false);
    } else {
      // "Manual" and "Both" locks were both set by hand.
      expect(origins.seededManual.has(lock.id) || origins.posted.has(lock.id), `manual lock ${lock.id} not from a POST`).toBe(true);
      const locker = state.users.find((u) => u.id === lock.lockedById);
      expect(locker && LOCKING_PROFILES.has(locker.profileId), `manual lock ${lock.id} by someone without Lock`).toBe(true);
      const reason = lock.reason ?? '';
      expect(reason).toBe(reason.trim());
      expect(reason.length).toBeGreaterThan(0);
      expect([...reason].length).toBeLessThanOrEqual(3000);
    }
  }
};
