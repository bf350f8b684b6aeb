import { failureOf } from './failure';
import type { ListOutcome } from './list-results';
import type { Settlement } from './races';
import { unlockOutcomeOf } from './unlock-outcome';

// Part of the list page's runs, which load on demand.

/**
 * What a lock's settlement means for one selected record. Zoho's refusal of a second lock is
 * settled by the core as the lock someone holds: named when Zoho names its locker, a rule's when a
 * rule alone holds it. A lock of the viewer's own was there before when it carries another reason,
 * or when Zoho `refused` the lock outright (a lost answer may have been our lock going through).
 */
export function lockOutcomeOf(settlement: Settlement, refused: boolean): ListOutcome {
  const { lock } = settlement;
  if (settlement.succeeded) {
    return settlement.reasonUnsaved || refused ? { kind: 'alreadyLocked', by: lock?.lockedBy?.name ?? null, byViewer: true } : { kind: 'locked' };
  }
  if (settlement.hold && settlement.hold !== 'none') return { kind: 'held', hold: settlement.hold };
  if (settlement.lockPermission === 'denied') return { kind: 'noPermission' };
  if (settlement.stateUnknown) return { kind: 'unknown', failure: settlement.failure ?? failureOf('error.connection', true) };
  if (lock) return lock.source === 'Automatic' ? { kind: 'heldByRule' } : { kind: 'alreadyLocked', by: lock.lockedBy?.name ?? null, byViewer: false };
  return { kind: 'failed', failure: settlement.failure ?? failureOf('error.unexpected', true) };
}

/** What an unlock's settlement means for one selected record: the tab's outcomes, a refusal of permission and an unknown outcome told apart. */
export function unlockListOutcomeOf(settlement: Settlement): ListOutcome {
  const outcome = unlockOutcomeOf(settlement);
  if (outcome !== 'failed') return { kind: outcome };
  if (settlement.lockPermission === 'denied') return { kind: 'noPermission' };
  const failure = settlement.failure ?? failureOf('error.unexpected', true);
  return settlement.stateUnknown ? { kind: 'unknown', failure } : { kind: 'failed', failure };
}

/** Whether trying the record again can help: the call failed in passing, or its outcome is unknown. */
export const isRetryable = (outcome: ListOutcome): boolean => outcome.kind === 'unknown' || (outcome.kind === 'failed' && outcome.failure.retryable);
