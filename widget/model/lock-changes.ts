import { batch } from '@preact/signals-core';
import type { Signal } from '@preact/signals-core';
import { hasCode } from '../crm/crm-error';
import type { Lock } from '../crm/types';
import { describeFailure } from './failure';
import type { Failure } from './failure';
import type { ConfirmedChange, LockAction, Session } from './lock-model';
import { raceOn, reasonRaceOn, settleFoundLock } from './races';
import type { Notice, Settlement } from './races';
import type { ReasonDraft } from './reason-draft';
import { settleChangeFailure, settleLockFailure } from './settle-failure';

/** What the lock model lends the changes: its state, and the few steps only it may take. */
export interface ChangeCore {
  lock: Signal<Lock | null>;
  inFlight: Signal<LockAction | null>;
  error: Signal<Failure | null>;
  notice: Signal<Notice | null>;
  form: Signal<LockAction | null>;
  draft: ReasonDraft;
  /** The session when the action may start now: started, nothing in flight, and the action allowed. */
  readyFor(action: LockAction): Session | null;
  apply(settlement: Settlement): void;
  rereadLock(): Promise<void>;
  rereadSettings(contradicted: boolean): void;
  /** A change starts or ends: a re-read begun before it may show the lock as it was. */
  changeBoundary(): void;
  /** What a finished change leaves: whether the lock is now unknown, and what Try again does. */
  settled(stateUnknown: boolean, retry: (() => Promise<void>) | null): void;
  /** A change failed and the lock could not be read since: the screen may be out of date. */
  stateUnknown(): boolean;
  confirmed(change: ConfirmedChange): void;
}

export interface LockChanges {
  /** Locks with the draft; a retry verifies first, since the failed call may have reached Zoho. */
  submitLock(verifyFirst: boolean): Promise<void>;
  /** Saves the draft as the reason of the lock shown now. */
  submitReason(): Promise<void>;
  submitUnlock(): Promise<void>;
}

/**
 * Lock, reason edit and unlock, with their failures, races and retries. Loaded on demand: a view
 * shows the lock without this code, which comes when a form opens or its button gets focus.
 */
export function createLockChanges(core: ChangeCore): LockChanges {
  const { lock, inFlight, error, notice, draft } = core;

  /** Runs one change with the controls disabled; `settle` turns a failure into what to show. */
  async function perform(action: LockAction, change: () => Promise<Settlement>, settle: (failure: unknown) => Promise<Settlement>, again: () => Promise<void>) {
    core.changeBoundary();
    const before = lock.value;
    batch(() => {
      inFlight.value = action;
      error.value = null;
      notice.value = null;
    });
    try {
      let settlement: Settlement;
      try {
        settlement = await change();
      } catch (failure) {
        if (hasCode(failure, 'NO_PERMISSION') || hasCode(failure, 'NOT_ALLOWED')) core.rereadSettings(true);
        settlement = await settle(failure);
      }
      const stateUnknown = settlement.stateUnknown ?? false;
      // A lock retry verifies before it sends; an edit or unlock of unknown outcome is only read again.
      const retryUnknown = action === 'lock' ? again : core.rereadLock;
      core.settled(stateUnknown, settlement.failure?.retryable ? (stateUnknown ? retryUnknown : again) : null);
      core.apply(settlement);
      // A lock of ours found with an earlier reason came from another window, which told its own change.
      if (settlement.succeeded && !settlement.reasonUnsaved) core.confirmed({ action, before, after: lock.value });
    } finally {
      core.changeBoundary();
      inFlight.value = null;
    }
  }

  /**
   * "Try again" after a failed change: repeats it only while it is still allowed and, for a reason,
   * while its form is open with a valid reason (read again, as now typed); otherwise reads the lock,
   * which may have changed after all. A change to the lock `shown` is never repeated on another lock
   * a re-read put on screen since, which the viewer has not seen confirmed: that race is told instead.
   */
  function retryFor(action: LockAction, repeat: () => Promise<void>, shown?: { current: Session; lockId: string }) {
    return async () => {
      const race = shown && raceOn(shown.lockId, lock.value, shown.current.userId);
      if (race) return core.apply({ succeeded: false, notice: race });
      return core.readyFor(action) && (action === 'unlock' || (core.form.value === action && draft.check() !== null)) ? repeat() : core.rereadLock();
    };
  }

  async function sendLock(current: Session, reason: string, verifyFirst: boolean): Promise<void> {
    await perform(
      'lock',
      async () => {
        // A retried lock may already have reached Zoho: look before sending it twice.
        const existing = verifyFirst ? await current.crm.getLock(current.record) : null;
        if (existing) return settleFoundLock(existing, reason, current.userId);
        return { succeeded: true, lock: await current.crm.lock(current.record, reason), notice: { key: 'notice.locked' } };
      },
      (failure) => settleLockFailure(current, reason, failure),
      retryFor('lock', () => submitLock(true)),
    );
  }

  async function sendReason(current: Session, shown: Lock, reason: string): Promise<void> {
    await perform(
      'editReason',
      async () => {
        // One extra GET per edit, the price of never overwriting a reason someone else saved meanwhile.
        let found: Lock | null;
        try {
          found = await current.crm.getLock(current.record);
        } catch (failure) {
          // Nothing was sent: no write to settle, only a read to report.
          return { succeeded: false, failure: describeFailure(failure) };
        }
        const race = reasonRaceOn(shown, found, current.userId);
        if (race) return { succeeded: false, lock: found, notice: race };
        await current.crm.updateReason(current.record, shown.id, reason);
        return { succeeded: true, lock: { ...shown, reason }, notice: { key: 'notice.reasonSaved' } };
      },
      (failure) =>
        settleChangeFailure(current, shown.id, failure, (found) => found?.id === shown.id && found.reason === reason, 'notice.reasonSaved'),
      retryFor('editReason', submitReason, { current, lockId: shown.id }),
    );
  }

  async function sendUnlock(current: Session, shown: Lock): Promise<void> {
    await perform(
      'unlock',
      async () => {
        await current.crm.unlock(current.record, shown.id);
        return { succeeded: true, lock: null, notice: { key: 'notice.unlocked' } };
      },
      (failure) => settleChangeFailure(current, shown.id, failure, (found) => found === null, 'notice.unlocked'),
      retryFor('unlock', submitUnlock, { current, lockId: shown.id }),
    );
  }

  async function submitLock(verifyFirst: boolean): Promise<void> {
    const current = core.readyFor('lock');
    const checked = current && draft.check();
    // After a change of unknown outcome our earlier lock may stand: look before sending another.
    if (current && checked) await sendLock(current, checked, verifyFirst || core.stateUnknown());
  }

  async function submitReason(): Promise<void> {
    const current = core.readyFor('editReason');
    const shown = lock.value;
    const checked = current && shown && draft.check();
    if (current && shown && checked) await sendReason(current, shown, checked);
  }

  async function submitUnlock(): Promise<void> {
    const current = core.readyFor('unlock');
    const shown = lock.value;
    if (current && shown) await sendUnlock(current, shown);
  }

  return { submitLock, submitReason, submitUnlock };
}
