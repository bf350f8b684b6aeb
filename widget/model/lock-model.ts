import { batch, computed, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { Crm, CrmOptions } from '../crm/crm';
import type { Lock, LockingConfiguration, LockPermission, RecordHold, RecordRef } from '../crm/types';
import type { CurrentUser, Host } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import { createTimeFormat } from '../i18n/format-time';
import type { TimeFormat } from '../i18n/format-time';
import type { LoadMessages } from '../i18n/load-messages';
import { intlLocaleOf } from '../i18n/locale';
import { createTranslator } from '../i18n/messages';
import type { Messages, Translate } from '../i18n/messages';
import { hasCode } from '../crm/crm-error';
import { describeFailure } from './failure';
import type { Failure } from './failure';
import { permissionsFor } from './permissions';
import type { Permissions } from './permissions';
import { createReasonDraft } from './reason-draft';
import type { ReasonDraft } from './reason-draft';
import { raceOn, settleFoundLock } from './races';
import type { Notice, Settlement } from './races';
import { FALLBACK_REASON_MAX_LENGTH, startUp } from './start-up';
import type { SettingsSource } from './lock-settings';

export type Phase = 'starting' | 'ready' | 'unavailable' | 'failed';
/** The three changes a viewer can make; also names the form or confirm step that is open. */
export type LockAction = 'lock' | 'editReason' | 'unlock';

/** A change Zoho confirmed: what the viewer did, the lock before it and the lock now (null after an unlock). */
export interface ConfirmedChange {
  action: LockAction;
  before: Lock | null;
  after: Lock | null;
}

export interface LockModelDependencies {
  host: Host;
  createCrm: (options: CrmOptions) => Crm;
  loadMessages: LoadMessages;
  now: () => Date;
  /** Where the module's settings are cached between views (host/storage.ts); none: every view reads them. */
  store?: KeyValueStore;
}

export interface LockModel {
  phase: ReadonlySignal<Phase>;
  /** Why the widget could not start (phase "failed" or "unavailable"). */
  startFailure: ReadonlySignal<Failure | null>;
  t: ReadonlySignal<Translate>;
  time: ReadonlySignal<TimeFormat>;
  record: ReadonlySignal<RecordRef | null>;
  user: ReadonlySignal<CurrentUser | null>;
  configuration: ReadonlySignal<LockingConfiguration | null>;
  lock: ReadonlySignal<Lock | null>;
  hold: ReadonlySignal<RecordHold>;
  /** Name of the rule behind an automatic lock, when the configuration knows it. */
  ruleName: ReadonlySignal<string | null>;
  /** null until the widget has started. */
  permissions: ReadonlySignal<Permissions | null>;
  inFlight: ReadonlySignal<LockAction | null>;
  /** A background re-read is running; the known state stays on screen meanwhile. */
  refreshing: ReadonlySignal<boolean>;
  error: ReadonlySignal<Failure | null>;
  /** While Zoho's API limit holds: the time (ms since the epoch) before which Try again is not offered. */
  waitUntil: ReadonlySignal<number | null>;
  /** What just happened, for the live region: "Record locked.", "Max Manager locked this record first." */
  notice: ReadonlySignal<Notice | null>;
  /** The open form or confirm step. */
  form: ReadonlySignal<LockAction | null>;
  draft: ReasonDraft;
  start(): Promise<void>;
  openForm(action: LockAction): void;
  closeForm(): void;
  /** Locks with `reason` (or the draft). Bad input sends nothing and sets draft.problem. */
  lockRecord(reason?: string): Promise<void>;
  updateReason(reason?: string): Promise<void>;
  unlockRecord(): Promise<void>;
  /** Reads the lock again without hiding what is shown. */
  refresh(): Promise<void>;
  /** Repeats what failed last: start-up, a re-read or the change (a lock is verified before it is re-sent). */
  retry(): Promise<void>;
  dismissError(): void;
  /** Stops listening for the page becoming visible. */
  dispose(): void;
  /** The record's name, when the record read gave it. */
  recordName: ReadonlySignal<string | null>;
  /** Calls `listener` after each change Zoho confirmed (never for a change found made elsewhere); returns the unsubscribe. */
  onConfirmedChange(listener: (change: ConfirmedChange) => void): () => void;
}

const loadSettle = () => import('./settle-failure');
type SettleModule = Awaited<ReturnType<typeof loadSettle>>;

interface Session {
  crm: Crm;
  record: RecordRef;
  userId: string;
  settings: SettingsSource;
}

/**
 * The store for one record's lock. Actions never throw: failures land in `error` or `notice`.
 * @example const model = createLockModel({ host, createCrm, loadMessages, now: () => new Date() }); await model.start();
 */
export function createLockModel({ host, createCrm, loadMessages, now, store }: LockModelDependencies): LockModel {
  const phase = signal<Phase>('starting');
  const startFailure = signal<Failure | null>(null);
  const messages = signal<Messages>({});
  const english = signal<Messages>({});
  const record = signal<RecordRef | null>(null);
  const user = signal<CurrentUser | null>(null);
  const configuration = signal<LockingConfiguration | null>(null);
  const lock = signal<Lock | null>(null);
  const hold = signal<RecordHold>('none');
  const lockPermission = signal<LockPermission>('unknown');
  const maxLength = signal(FALLBACK_REASON_MAX_LENGTH);
  const inFlight = signal<LockAction | null>(null);
  const refreshing = signal(false);
  const error = signal<Failure | null>(null);
  const notice = signal<Notice | null>(null);
  const form = signal<LockAction | null>(null);
  const waitUntil = signal<number | null>(null);
  const draft = createReasonDraft(maxLength);
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  /** One automatic retry of a read refused by Zoho's API limit per start, then only the viewer's own. */
  let autoRetried = false;
  const recordName = signal<string | null>(null);
  const confirmedListeners = new Set<(change: ConfirmedChange) => void>();
  let session: Session | null = null;
  let retryLast: (() => Promise<void>) | null = null;
  /** The last change failed and the lock could not be read since: the screen may be out of date. */
  let stateUnknown = false;
  let stopWatchingVisibility: (() => void) | null = null;
  /** Bumped when a change starts and when it ends: a re-read begun before either may show the lock as it was. */
  let changes = 0;

  const t = computed(() => createTranslator(messages.value, english.value));
  const time = computed(() =>
    createTimeFormat({ locale: intlLocaleOf(user.value?.locale ?? 'en'), timeZone: user.value?.timeZone ?? 'UTC', now }),
  );
  const permissions = computed(() => {
    if (phase.value !== 'ready' || user.value === null) return null;
    return permissionsFor({
      profileId: user.value.profile.id,
      lockPermission: lockPermission.value,
      configuration: configuration.value,
      lock: lock.value,
      hold: hold.value,
    });
  });
  const ruleName = computed(() => {
    const ruleId = lock.value?.ruleId;
    return ruleId ? (configuration.value?.rules.find((rule) => rule.id === ruleId)?.name ?? null) : null;
  });

  function apply(settlement: Settlement): void {
    batch(() => {
      if (settlement.lock !== undefined) lock.value = settlement.lock;
      if (settlement.configuration !== undefined) configuration.value = settlement.configuration;
      if (settlement.lockPermission !== undefined) lockPermission.value = settlement.lockPermission;
      if (settlement.hold !== undefined) hold.value = settlement.hold;
      notice.value = settlement.notice ?? null;
      error.value = settlement.failure ?? null;
      waitOut(settlement.failure, false);
      if (settlement.succeeded) {
        // Our lock carries an earlier reason: the text typed since stays, in the form that saves it.
        form.value = settlement.reasonUnsaved && permissions.value?.editReason.allowed ? 'editReason' : null;
        if (!form.value) draft.set('');
      } else if (form.value === 'unlock' && settlement.notice) {
        // Someone else changed the lock: the confirmation was given for a lock that is gone.
        form.value = null;
      }
      // A reason form stays open after any failure, so what was typed stays in view.
    });
  }

  /**
   * What a failed change means, worked out by code that loads on demand (a form opening preloads
   * it). Should that code not load, the outcome is unknown: the failure is shown and Try again reads the lock.
   */
  async function settleWith(failure: unknown, settle: (module: SettleModule) => Promise<Settlement>): Promise<Settlement> {
    try {
      return await settle(await loadSettle());
    } catch {
      return { succeeded: false, stateUnknown: true, failure: { ...describeFailure(failure), retryable: true } };
    }
  }

  /** Runs one change with the controls disabled; `settle` turns a failure into what to show. */
  async function perform(action: LockAction, change: () => Promise<Settlement>, settle: (failure: unknown) => Promise<Settlement>, again: () => Promise<void>) {
    changes++;
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
        if (hasCode(failure, 'NO_PERMISSION') || hasCode(failure, 'NOT_ALLOWED')) rereadSettings(true);
        settlement = await settle(failure);
      }
      stateUnknown = settlement.stateUnknown ?? false;
      // A lock retry verifies before it sends; an edit or unlock of unknown outcome is only read again.
      const retryUnknown = action === 'lock' ? again : rereadLock;
      retryLast = settlement.failure?.retryable ? (stateUnknown ? retryUnknown : again) : null;
      apply(settlement);
      // A lock of ours found with an earlier reason came from another window, which told its own change.
      if (settlement.succeeded && !settlement.reasonUnsaved) {
        const change = { action, before, after: lock.value };
        confirmedListeners.forEach((listener) => listener(change));
      }
    } finally {
      changes++;
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
      if (race) return apply({ succeeded: false, notice: race });
      return readyFor(action) && (action === 'unlock' || (form.value === action && draft.check() !== null)) ? repeat() : rereadLock();
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
      (failure) => settleWith(failure, (settle) => settle.settleLockFailure(current, reason, failure)),
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
        const race: Notice | null =
          raceOn(shown.id, found, current.userId) ?? (found?.reason === shown.reason ? null : { key: 'notice.race.reasonChangedFirst' });
        if (race) return { succeeded: false, lock: found, notice: race };
        await current.crm.updateReason(current.record, shown.id, reason);
        return { succeeded: true, lock: { ...shown, reason }, notice: { key: 'notice.reasonSaved' } };
      },
      (failure) =>
        settleWith(failure, (settle) =>
          settle.settleChangeFailure(current, shown.id, failure, (found) => found?.id === shown.id && found.reason === reason, 'notice.reasonSaved'),
        ),
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
      (failure) => settleWith(failure, (settle) => settle.settleChangeFailure(current, shown.id, failure, (found) => found === null, 'notice.unlocked')),
      retryFor('unlock', submitUnlock, { current, lockId: shown.id }),
    );
  }

  /** Locks with the draft; a retry verifies first, since the failed call may have reached Zoho. */
  async function submitLock(verifyFirst: boolean): Promise<void> {
    const current = readyFor('lock');
    const checked = current && draft.check();
    if (current && checked) await sendLock(current, checked, verifyFirst);
  }

  /** Saves the draft as the reason of the lock shown now. */
  async function submitReason(): Promise<void> {
    const current = readyFor('editReason');
    const shown = lock.value;
    const checked = current && shown && draft.check();
    if (current && shown && checked) await sendReason(current, shown, checked);
  }

  async function submitUnlock(): Promise<void> {
    const current = readyFor('unlock');
    const shown = lock.value;
    if (current && shown) await sendUnlock(current, shown);
  }

  /** The session when an action may start now: started, nothing in flight, and the action allowed. */
  function readyFor(action: LockAction): Session | null {
    return session && inFlight.value === null && permissions.value?.[action].allowed ? session : null;
  }

  /**
   * Reads the lock while no change runs and hands it to `show`. An answer or failure overtaken by a
   * change is dropped: that change settles the state itself, and this answer may predate it.
   */
  async function readLock(show: (found: Lock | null) => void, failureOf: (failure: unknown) => Failure, again: () => Promise<void>) {
    const current = session;
    if (!current || inFlight.value !== null) return;
    refreshing.value = true;
    const seen = changes;
    try {
      const found = await current.crm.getLock(current.record);
      if (seen === changes) show(found);
    } catch (failure) {
      if (seen !== changes) return;
      retryLast = again;
      error.value = failureOf(failure);
      waitOut(error.value, true);
    } finally {
      refreshing.value = false;
    }
  }

  async function refresh(): Promise<void> {
    if (refreshing.value) return;
    await readLock(
      (found) => apply({ succeeded: false, lock: found, notice: notice.value ?? undefined, failure: error.value ?? undefined }),
      describeFailure,
      refresh,
    );
  }

  /** Reads the lock after a change of unknown outcome and shows it, replacing the stale failure. */
  async function rereadLock(): Promise<void> {
    await readLock(
      (found) => {
        stateUnknown = false;
        batch(() => {
          lock.value = found;
          error.value = null;
        });
      },
      (failure) => ({ ...describeFailure(failure), retryable: true }),
      rereadLock,
    );
  }

  /**
   * Reads the module's settings again in the background and shows them: a stale cache entry was
   * shown, or Zoho refused what the cached settings allowed (`contradicted` drops the entry first).
   * A failure keeps what is shown; the next view reads them again.
   */
  function rereadSettings(contradicted: boolean): void {
    const current = session;
    if (!current) return;
    if (contradicted) current.settings.drop();
    current.settings.read().then(
      (settings) =>
        batch(() => {
          configuration.value = settings.configuration;
          lockPermission.value = settings.lockPermission;
          maxLength.value = settings.maxLength;
        }),
      () => undefined,
    );
  }

  /**
   * After Zoho's 429, Try again waits for the time Zoho names (or a safe default); a refused read
   * is tried once more by itself then, a refused change never is: the viewer decides.
   */
  function waitOut(failure: Failure | null | undefined, isRead: boolean): void {
    if (!failure?.waitSeconds) return;
    const ms = failure.waitSeconds * 1000;
    waitUntil.value = now().getTime() + ms;
    clearTimeout(waitTimer);
    waitTimer = setTimeout(() => {
      waitUntil.value = null;
      if (isRead && !autoRetried) {
        autoRetried = true;
        void retry();
      }
    }, ms);
  }

  async function retry(): Promise<void> {
    if (waitUntil.value !== null) return;
    if (phase.value === 'failed') return start();
    const again = retryLast;
    retryLast = null;
    if (again && inFlight.value === null) await again();
  }

  async function start(): Promise<void> {
    batch(() => {
      phase.value = 'starting';
      startFailure.value = null;
    });
    const result = await startUp({ host, createCrm, loadMessages, store, now: () => now().getTime() });
    batch(() => {
      messages.value = result.messages;
      english.value = result.english;
      if (!result.ok) {
        startFailure.value = result.failure;
        waitOut(result.failure, true);
        phase.value = result.state;
        return;
      }
      const { facts } = result;
      session = { crm: facts.crm, record: facts.record, userId: facts.user.id, settings: facts.settings };
      record.value = facts.record;
      user.value = facts.user;
      configuration.value = facts.configuration;
      lock.value = facts.lock;
      hold.value = facts.summary.hold;
      recordName.value = facts.summary.name ?? null;
      lockPermission.value = facts.lockPermission;
      maxLength.value = facts.maxLength;
      phase.value = 'ready';
    });
    if (!result.ok) return;
    autoRetried = false;
    if (result.facts.settingsStale) rereadSettings(false);
    stopWatchingVisibility ??= host.onVisible(() => void refresh());
  }

  return {
    phase, startFailure, t, time, record, user, configuration, lock, hold, ruleName, permissions,
    inFlight, refreshing, error, waitUntil, notice, form, draft, start, refresh, recordName,
    onConfirmedChange(listener) {
      confirmedListeners.add(listener);
      return () => void confirmedListeners.delete(listener);
    },
    openForm(action) {
      if (!readyFor(action)) return;
      loadSettle().catch(() => undefined);
      batch(() => {
        if (action === 'editReason') draft.set(lock.value?.reason ?? '');
        notice.value = null;
        form.value = action;
      });
    },
    closeForm() {
      if (inFlight.value !== null) return;
      batch(() => {
        form.value = null;
        draft.set('');
      });
    },
    lockRecord(reason) {
      if (reason !== undefined) draft.set(reason);
      return submitLock(false);
    },
    updateReason(reason) {
      if (reason !== undefined) draft.set(reason);
      return submitReason();
    },
    unlockRecord: submitUnlock,
    retry,
    dismissError() {
      error.value = null;
      // Dismissing must not leave a possibly stale lock on screen without a word: look again.
      if (stateUnknown) void rereadLock();
    },
    dispose() {
      clearTimeout(waitTimer);
      stopWatchingVisibility?.();
      stopWatchingVisibility = null;
    },
  };
}
