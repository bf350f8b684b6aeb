import './model-base';

// The changes' calls load with them: one part.
export { lockWrites } from '../crm/lock-writes';
import { batch } from '@preact/signals-core';
import type { LockWrites } from '../crm/lock-writes';
import { lockChecked, saveReasonChecked, unlockChecked } from './checked-changes';
import type { ChangeContext } from './checked-changes';
import type { LimitWait } from './limit-wait';
import type { Recovery, LockReading } from './lock-reading';
import type { ConfirmedChange, LockAction, Session } from './lock-session';
import type { LockState } from './lock-state';
import { raceOn } from './races';
import type { Settlement } from './races';
import type { UnlockFollowUp } from './unlock-follow-up';

/** What the lock model lends its changes: its state, its reads, and the few steps only it may take. */
export interface ChangeCore {
  state: LockState;
  reading: LockReading;
  limit: LimitWait;
  recovery: Recovery;
  /** The session when the action may start now: started, nothing in flight, and the action allowed. */
  readyFor(action: LockAction): Session | null;
  /** The viewer's name, for a lock Zoho confirms without naming who set it. */
  userName(): string;
  now: () => Date;
  confirmed(change: ConfirmedChange): void;
  /** The history note and request answers of an unlock, once the panel's activity is there to write them. */
  followUp: UnlockFollowUp;
}

export interface LockChanges {
  /** Locks with the draft; a retry verifies first, since the failed call may have reached Zoho. */
  submitLock(verifyFirst: boolean): Promise<void>;
  /** Saves the draft as the reason of the lock shown now. */
  submitReason(): Promise<void>;
  submitUnlock(): Promise<void>;
}

/**
 * The record panel's lock, reason edit and unlock, with their failures, races and retries, over
 * the rules every page shares (checked-changes.ts). Loaded on demand: a view shows the lock without
 * this code, which comes when a form opens or its button gets focus.
 */
export function createLockChanges(core: ChangeCore, writes: LockWrites): LockChanges {
  const { state, reading, recovery } = core;
  const contextOf = (session: Session): ChangeContext => ({
    locks: session.calls.locks,
    writes,
    record: session.record,
    userId: session.userId,
    userName: core.userName(),
    now: core.now,
    configurations: session.calls.settings,
    followUp: core.followUp,
  });

  /** Runs one change with the controls disabled and shows what it turned out to mean. */
  async function perform(action: LockAction, change: () => Promise<Settlement>, again: () => Promise<void>) {
    // A re-read begun before the change may show the lock as it was (Recovery.changes).
    recovery.changes++;
    const before = state.lock.value;
    batch(() => {
      state.inFlight.value = action;
      state.error.value = null;
      state.notice.value = null;
    });
    try {
      const settlement = await change();
      if (settlement.settingsContradicted) reading.rereadSettings(true);
      const stateUnknown = settlement.stateUnknown ?? false;
      // A lock retry verifies before it sends; an edit or unlock of unknown outcome is only read again.
      const retryUnknown = action === 'lock' ? again : reading.rereadLock;
      recovery.stateUnknown = stateUnknown;
      recovery.retryLast = settlement.failure?.retryable ? (stateUnknown ? retryUnknown : again) : null;
      state.apply(settlement);
      core.limit.waitOut(settlement.failure);
      // A lock of ours found with an earlier reason came from another window, which told its own change.
      if (settlement.succeeded && !settlement.reasonUnsaved) core.confirmed({ action, before, after: state.lock.value });
    } finally {
      recovery.changes++;
      state.inFlight.value = null;
    }
  }

  async function submitLock(verifyFirst: boolean): Promise<void> {
    const session = core.readyFor('lock');
    const reason = session && state.draft.check();
    // After a change of unknown outcome our earlier lock may stand: look before sending another.
    const verify = verifyFirst || recovery.stateUnknown;
    if (session && reason) await perform('lock', () => lockChecked(contextOf(session), reason, verify), retryOf(core, 'lock', () => submitLock(true)));
  }

  async function submitReason(): Promise<void> {
    const session = core.readyFor('editReason');
    const shown = state.lock.value;
    const reason = session && shown && state.draft.check();
    if (!session || !shown || !reason) return;
    const again = retryOf(core, 'editReason', submitReason, { userId: session.userId, lockId: shown.id });
    await perform('editReason', () => saveReasonChecked(contextOf(session), shown, reason), again);
  }

  async function submitUnlock(): Promise<void> {
    const session = core.readyFor('unlock');
    const shown = state.lock.value;
    // The reason is optional; one over Zoho's limit sends nothing and stays in the box.
    const reason = session && shown && state.draft.check(true);
    if (!session || !shown || reason === null) return;
    const again = retryOf(core, 'unlock', submitUnlock, { userId: session.userId, lockId: shown.id });
    await perform('unlock', () => unlockChecked(contextOf(session), shown, reason), again);
  }

  return { submitLock, submitReason, submitUnlock };
}

/**
 * "Try again" after a failed change: repeats it only while it is still allowed and, for a reason,
 * while its form is open with a valid reason (read again, as now typed); otherwise reads the lock,
 * which may have changed after all. A change to the lock `lockId` is never repeated on another lock
 * a re-read put on screen since, which the viewer has not seen confirmed: that race is told instead.
 */
function retryOf(core: ChangeCore, action: LockAction, repeat: () => Promise<void>, shown?: { userId: string; lockId: string }) {
  const { state, reading } = core;
  return async () => {
    const race = shown && raceOn(shown.lockId, state.lock.value, shown.userId);
    if (race) return state.apply({ succeeded: false, notice: race });
    const repeatable =
      core.readyFor(action) && (action === 'unlock' ? state.draft.check(true) !== null : state.form.value === action && state.draft.check() !== null);
    return repeatable ? repeat() : reading.rereadLock();
  };
}
