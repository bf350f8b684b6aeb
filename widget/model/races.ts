import type { Lock, LockingConfiguration, LockPermission, RecordHold } from '../crm/types';
import type { MessageKey, MessageParams } from '../i18n/messages';
import type { Failure } from './failure';
import type { FollowUpOutcome } from './unlock-follow-up';

/** What just happened, for the live region, with the values its message names. */
export interface Notice {
  key: MessageKey;
  params?: MessageParams;
}

/** The notice for a race someone else won, and its words when Zoho names who (every key written out: a page's texts hold the keys its code names). */
const RACE_NOTICES = {
  lockedFirst: ['notice.race.lockedFirst', 'notice.race.lockedFirstBy'],
  changedFirst: ['notice.race.changedFirst', 'notice.race.changedFirstBy'],
} as const;

/** Someone else's lock came first: named when Zoho says who holds it (an automatic lock names nobody). */
function raceNotice(race: keyof typeof RACE_NOTICES, lock: Lock): Notice {
  const name = lock.lockedBy?.name;
  const [unnamed, named] = RACE_NOTICES[race];
  return name ? { key: named, params: { name } } : { key: unnamed };
}

/**
 * What someone else did meanwhile to the lock `lockId`, judged by the lock Zoho has now; null when it is
 * still there. Zoho does not say who unlocked a record, so that notice names nobody; a new lock of the
 * viewer's own came from another window, and the viewer is nobody's "someone else".
 */
export function raceOn(lockId: string, current: Lock | null, userId: string): Notice | null {
  if (current === null) return { key: 'notice.race.unlockedFirst' };
  if (current.id === lockId) return null;
  return current.lockedBy?.id === userId ? { key: 'notice.race.changedElsewhere' } : raceNotice('changedFirst', current);
}

/**
 * What makes a reason edit of the lock `shown` unsafe to send, judged by the lock Zoho has now: a race
 * on the lock itself, or a reason someone else saved meanwhile; null when the edit may go ahead.
 */
export function reasonRaceOn(shown: Lock, current: Lock | null, userId: string): Notice | null {
  return raceOn(shown.id, current, userId) ?? (current?.reason === shown.reason ? null : { key: 'notice.race.reasonChangedFirst' });
}

/**
 * What a failed lock, reason edit or unlock turned out to mean. Fields left undefined are unknown:
 * the panel keeps what it shows. `lock: null` means the record is now known to be unlocked.
 */
export interface Settlement {
  /** true when the change took effect after all (e.g. a timeout after Zoho had saved it) */
  succeeded: boolean;
  lock?: Lock | null;
  configuration?: LockingConfiguration | null;
  lockPermission?: LockPermission;
  hold?: RecordHold;
  notice?: Notice;
  failure?: Failure;
  /** The lock could not be read after the failure: what is shown may be out of date. */
  stateUnknown?: boolean;
  /** Our lock was found with another reason than the one sent: the text typed is not saved yet. */
  reasonUnsaved?: boolean;
  /** Zoho refused what the cached settings allowed (NO_PERMISSION, NOT_ALLOWED): read them again. */
  settingsContradicted?: boolean;
  /** After a confirmed unlock: its history note and answers to the open requests, settling when they are done. */
  followUp?: Promise<FollowUpOutcome>;
}

/**
 * A lock found where ours was to be: ours when it carries our name (a POST that went through, or a
 * lock from another window, maybe with an earlier reason), else someone else's that came first.
 */
export function settleFoundLock(lock: Lock, reason: string, userId: string): Settlement {
  if (lock.lockedBy?.id === userId) {
    return { succeeded: true, lock, notice: { key: 'notice.locked' }, reasonUnsaved: lock.reason !== reason };
  }
  return { succeeded: false, lock, notice: raceNotice('lockedFirst', lock) };
}
