/**
 * The demo org's locks: two Closed Won deals held by the rule, Hooli locked by Rita Rep, and two
 * deals locked by Fiona Former before she left, one owned by Max Manager and one by herself, where
 * an unlock request has no locker to go to.
 */
import { SEED } from './seed-ids';
import type { LockState } from './state';

const SEED_TIME = '2026-01-05T09:00:00-05:00';
/** When Rita Rep locked the Hooli deal. */
export const LOCK_TIME = '2026-01-12T14:30:00-05:00';
/** Before Fiona Former left: her locks outlived her account. */
const FORMER_LOCK_TIME = '2025-12-18T16:45:00-05:00';

const deals = { module: 'Deals', configurationId: SEED.configurations.deals } as const;

const automaticLock = (lockId: string, recordId: string): LockState => ({
  ...deals,
  id: lockId,
  recordId,
  reason: null,
  source: 'Automatic',
  lockedAt: SEED_TIME,
  lockedById: null,
  ruleId: SEED.rules.closedWonDeals,
  createdById: SEED.users.admin,
  modifiedById: SEED.users.admin,
  createdTime: SEED_TIME,
  modifiedTime: SEED_TIME,
});

const manualLock = (lockId: string, recordId: string, reason: string, lockedById: string, time: string): LockState => ({
  ...deals,
  id: lockId,
  recordId,
  reason,
  source: 'Manual',
  lockedAt: time,
  lockedById,
  ruleId: null,
  createdById: lockedById,
  modifiedById: lockedById,
  createdTime: time,
  modifiedTime: time,
});

export const seedLocks = (): LockState[] => {
  const { locks: l, deals: d, users: u } = SEED;
  return [
    automaticLock(l.initechClosedWon, d.initechClosedWon),
    automaticLock(l.umbrellaClosedWon, d.umbrellaClosedWon),
    manualLock(l.hooliPricing, d.hooliPricing, 'Pricing under legal review', u.rep, LOCK_TIME),
    manualLock(l.cyberdyneFormerLocker, d.cyberdyneFormerLocker, "Waiting for the customer's purchase order", u.former, FORMER_LOCK_TIME),
    manualLock(l.tyrellFormerLockerAndOwner, d.tyrellFormerLockerAndOwner, 'Scope under review with the customer', u.former, FORMER_LOCK_TIME),
  ];
};
