import { hasCode, isZiaHold } from '../crm/crm-error';
import type { ConfigurationCalls } from '../crm/configuration';
import type { LockReads } from '../crm/lock-reads';
import type { Lock, RecordRef } from '../crm/types';
import type { MessageKey } from '../i18n/messages';
import { describeFailure } from './describe-failure';
import { failureOf, mayHaveGoneThrough } from './failure';
import { raceOn, settleFoundLock } from './races';
import type { Settlement } from './races';

// Part of the changes, which load on demand.

/** Where a failed change is settled: the record, its lock reads, and who the viewer is. */
export interface SettleContext {
  locks: LockReads;
  record: RecordRef;
  userId: string;
  /** Reads the module's configuration when a lock is refused with NOT_ALLOWED; without it the refusal is told as Zoho's. */
  configurations?: () => Promise<ConfigurationCalls>;
}

/** The original failure, but always with a retry: the state behind it could not be read. */
function unknownOutcome(error: unknown): Settlement {
  return { succeeded: false, stateUnknown: true, failure: { ...describeFailure(error), retryable: true } };
}

/**
 * Reads the lock again after a failure; an unreadable lock leaves the state unknown and reports
 * the original failure, so nothing on screen is replaced by a guess.
 */
async function rereadLock({ locks, record }: SettleContext): Promise<Lock | null | undefined> {
  try {
    return await locks.getLock(record);
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
async function settleLockRefusal({ configurations, record }: SettleContext, lock: null | undefined, error: unknown): Promise<Settlement> {
  if (!configurations) return lock === undefined ? unknownOutcome(error) : { succeeded: false, lock, failure: describeFailure(error) };
  try {
    const configuration = await (await configurations()).getLockingConfiguration(record.module);
    if (configuration === null) {
      return { succeeded: false, lock: null, configuration, failure: failureOf('error.notAllowed.noConfiguration') };
    }
    // The lock could not be read: ours may stand from an earlier call, so say nothing for sure.
    if (lock === undefined && configuration.lockType !== 'automatic') return { ...unknownOutcome(error), configuration };
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
