import { hasCode } from '../crm/crm-error';
import type { LockWrites } from '../crm/lock-writes';
import type { Lock } from '../crm/types';
import { describeFailure } from './describe-failure';
import { reasonRaceOn, settleFoundLock } from './races';
import type { Settlement } from './races';
import { settleChangeFailure, settleLockFailure } from './settle-failure';
import type { SettleContext } from './settle-failure';
import type { UnlockFollowUp } from './unlock-follow-up';

/**
 * The rules every page follows to change a lock it shows, whatever the page: each resolves with
 * what the change turned out to mean, never throws, and sends nothing it cannot stand behind.
 */
export interface ChangeContext extends SettleContext {
  writes: LockWrites;
  /** The viewer's name, for a lock Zoho confirmed without saying who set it, and for an unlock's history. */
  userName: string;
  now: () => Date;
  /** What an unlock leaves behind: its history note and its answer to the open unlock requests. */
  followUp: UnlockFollowUp;
}

/** Zoho refused what the page's cached settings allowed: they are to be read again. */
const contradicting = (failure: unknown) => hasCode(failure, 'NO_PERMISSION') || hasCode(failure, 'NOT_ALLOWED');

async function settled(failure: unknown, settle: () => Promise<Settlement>): Promise<Settlement> {
  const settlement = await settle();
  return contradicting(failure) ? { ...settlement, settingsContradicted: true } : settlement;
}

/**
 * Locks the record with `reason`. `verifyFirst` (a retry, or after a change of unknown outcome)
 * looks for our lock before sending another; Zoho refuses a second lock itself, and that refusal
 * is settled as the lock someone holds. A lock Zoho confirmed by its id alone is read once to be
 * shown (unless `readBack` is false: a page that does not show it), or shown as far as it is known
 * when that read fails.
 */
export async function lockChecked(context: ChangeContext, reason: string, verifyFirst: boolean, readBack = true): Promise<Settlement> {
  try {
    const existing = verifyFirst ? await context.locks.getLock(context.record) : null;
    if (existing) return settleFoundLock(existing, reason, context.userId);
    const created = await context.writes.lock(context.record, reason);
    const lock = created.lock ?? (readBack ? await readNewLock(context, created.id, reason) : knownLock(context, created.id, reason));
    return { succeeded: true, lock, notice: { key: 'notice.locked' } };
  } catch (failure) {
    return settled(failure, () => settleLockFailure(context, reason, failure));
  }
}

/** Our new lock as far as this page knows it: Zoho confirmed it by its id alone. */
function knownLock(context: ChangeContext, id: string, reason: string): Lock {
  return {
    id,
    reason,
    source: 'Manual',
    lockedAt: context.now().toISOString(),
    lockedBy: { id: context.userId, name: context.userName },
    ruleId: null,
    editable: null,
  };
}

async function readNewLock(context: ChangeContext, id: string, reason: string): Promise<Lock> {
  const known = knownLock(context, id, reason);
  try {
    const read = await context.locks.getLock(context.record);
    return read?.id === id ? read : known;
  } catch {
    // The lock stands; what this view knows of it is shown until the next read.
    return known;
  }
}

/**
 * Saves `reason` as the reason of the lock `shown`, after reading the lock: a race on the lock or a
 * reason someone else saved meanwhile is told instead of overwritten, and a read that fails sends
 * nothing. One extra GET per edit, the price of never overwriting a reason saved meanwhile (Zoho has
 * no conditional request for locks).
 */
export async function saveReasonChecked(context: ChangeContext, shown: Lock, reason: string): Promise<Settlement> {
  let found: Lock | null;
  try {
    found = await context.locks.getLock(context.record);
  } catch (failure) {
    // Nothing was sent: no write to settle, only a read to report.
    return { succeeded: false, failure: describeFailure(failure) };
  }
  const race = reasonRaceOn(shown, found, context.userId);
  if (race) return { succeeded: false, lock: found, notice: race };
  try {
    await context.writes.updateReason(context.record, shown.id, reason);
    return { succeeded: true, lock: { ...shown, reason }, notice: { key: 'notice.reasonSaved' } };
  } catch (failure) {
    return settled(failure, () =>
      settleChangeFailure(context, shown.id, failure, (current) => current?.id === shown.id && current.reason === reason, 'notice.reasonSaved'),
    );
  }
}

/**
 * Unlocks the lock `shown`, with `reason` (optional, already checked: '' for none); a failure is
 * settled against the lock Zoho has now (gone, replaced, refused). Once Zoho confirmed it, the
 * follow-up writes the history note and answers the open unlock requests with the reason: the
 * settlement's `followUp` says when that is done, so a page that closes can wait for it.
 * @example const settlement = await unlockChecked(context, lock, 'Contract signed'); await settlement.followUp;
 */
export async function unlockChecked(context: ChangeContext, shown: Lock, reason = ''): Promise<Settlement> {
  let settlement: Settlement;
  try {
    await context.writes.unlock(context.record, shown.id);
    settlement = { succeeded: true, lock: null, notice: { key: 'notice.unlocked' } };
  } catch (failure) {
    settlement = await settled(failure, () => settleChangeFailure(context, shown.id, failure, (current) => current === null, 'notice.unlocked'));
  }
  if (!settlement.succeeded) return settlement;
  const followUp = context.followUp.unlocked({ record: context.record, lock: shown, by: context.userName, reason });
  return { ...settlement, followUp };
}
