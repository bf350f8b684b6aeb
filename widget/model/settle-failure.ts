import { hasCode, isZiaHold } from '../crm/crm-error';
import type { Crm } from '../crm/crm';
import type { Lock, LockingConfiguration, LockPermission, RecordHold, RecordRef } from '../crm/types';
import type { MessageKey, MessageParams } from '../i18n/messages';
import { describeFailure, failureOf, mayHaveGoneThrough } from './failure';
import type { Failure } from './failure';

/** What just happened, for the live region, with the values its message names. */
export interface Notice {
  key: MessageKey;
  params?: MessageParams;
}

/** Someone else's lock came first: named when Zoho says who holds it (an automatic lock names nobody). */
function raceNotice(key: 'notice.race.lockedFirst' | 'notice.race.changedFirst', lock: Lock): Notice {
  const name = lock.lockedBy?.name;
  return name ? { key: `${key}By`, params: { name } } : { key };
}

/**
 * What someone else did meanwhile to the lock `lockId`, judged by the lock Zoho has now; null when it is
 * still there. Zoho does not say who unlocked a record, so that notice names nobody; a new lock of the
 * viewer's own came from another window, and the viewer is nobody's "someone else".
 */
export function raceOn(lockId: string, current: Lock | null, userId: string): Notice | null {
  if (current === null) return { key: 'notice.race.unlockedFirst' };
  if (current.id === lockId) return null;
  return current.lockedBy?.id === userId ? { key: 'notice.race.changedElsewhere' } : raceNotice('notice.race.changedFirst', current);
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
}

export interface SettleContext {
  crm: Crm;
  record: RecordRef;
  userId: string;
}

/** The original failure, but always with a retry: the state behind it could not be read. */
function unknownOutcome(error: unknown): Settlement {
  return { succeeded: false, stateUnknown: true, failure: { ...describeFailure(error), retryable: true } };
}

/**
 * Reads the lock again after a failure; an unreadable lock leaves the state unknown and reports
 * the original failure, so nothing on screen is replaced by a guess.
 */
async function rereadLock({ crm, record }: SettleContext): Promise<Lock | null | undefined> {
  try {
    return await crm.getLock(record);
  } catch {
    return undefined;
  }
}

/** Failures that say something about the record or viewer rather than this one call. */
function settleStanding(error: unknown): Settlement | null {
  if (hasCode(error, 'NOT_APPROVED')) {
    return { succeeded: false, hold: 'awaiting_approval', failure: describeFailure(error) };
  }
  if (isZiaHold(error)) return { succeeded: false, hold: 'zia_vision_processing', failure: describeFailure(error) };
  return null;
}

/**
 * A lock found where ours was to be: ours when it carries our name (a POST that went through, or a
 * lock from another window, maybe with an earlier reason), else someone else's that came first.
 */
export function settleFoundLock(lock: Lock, reason: string, userId: string): Settlement {
  if (lock.lockedBy?.id === userId) {
    return { succeeded: true, lock, notice: { key: 'notice.locked' }, reasonUnsaved: lock.reason !== reason };
  }
  return { succeeded: false, lock, notice: raceNotice('notice.race.lockedFirst', lock) };
}

/** After POST failed: did someone else lock first, did our lock go through, or why was it refused? */
export async function settleLockFailure(context: SettleContext, reason: string, error: unknown): Promise<Settlement> {
  const standing = settleStanding(error);
  if (standing) return standing;
  const current = await rereadLock(context);
  const denied = hasCode(error, 'NO_PERMISSION') ? ({ lockPermission: 'denied' } as const) : {};
  if (current) return settleFoundLock(current, reason, context.userId);
  // The re-read itself is refused when the configuration is gone, so NOT_ALLOWED is settled either way.
  if (hasCode(error, 'NOT_ALLOWED')) return settleLockRefusal(context, current, error);
  if (current === undefined) return { ...unknownOutcome(error), ...denied };
  return { succeeded: false, lock: current, ...denied, failure: describeFailure(error) };
}

/** NOT_ALLOWED with no lock in sight: the configuration is gone or now automatic-only. */
async function settleLockRefusal({ crm, record }: SettleContext, lock: null | undefined, error: unknown): Promise<Settlement> {
  try {
    const configuration = await crm.getLockingConfiguration(record.module);
    if (configuration === null) {
      return { succeeded: false, lock: null, configuration, failure: failureOf('error.notAllowed.noConfiguration') };
    }
    const message = configuration.lockType === 'automatic' ? 'error.notAllowed.automaticOnly' : null;
    return { succeeded: false, lock, configuration, failure: message ? failureOf(message) : describeFailure(error) };
  } catch {
    return { succeeded: false, lock, failure: describeFailure(error) };
  }
}

/**
 * After PUT or DELETE failed on lock `lockId`: gone (someone unlocked), replaced (someone relocked),
 * automatic (refused by rule), or saved after all (`tookEffect` says what success looks like).
 */
export async function settleChangeFailure(
  context: SettleContext,
  lockId: string,
  error: unknown,
  tookEffect: (current: Lock | null) => boolean,
  successNotice: MessageKey,
): Promise<Settlement> {
  const standing = settleStanding(error);
  if (standing) return standing;
  const current = await rereadLock(context);
  const denied = hasCode(error, 'NO_PERMISSION') ? ({ lockPermission: 'denied' } as const) : {};
  if (current === undefined) return { ...unknownOutcome(error), ...denied };
  if (mayHaveGoneThrough(error) && tookEffect(current)) return { succeeded: true, lock: current, notice: { key: successNotice } };
  const race = raceOn(lockId, current, context.userId);
  if (race) return { succeeded: false, lock: current, notice: race };
  if (hasCode(error, 'NOT_ALLOWED') && current?.source !== 'Manual') {
    return { succeeded: false, lock: current, failure: failureOf('error.notAllowed.automaticLock') };
  }
  return { succeeded: false, lock: current, ...denied, failure: describeFailure(error) };
}
