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
import { describeFailure, failureOf } from './failure';
import type { Failure } from './failure';
import { permissionsFor } from './permissions';
import type { Permissions } from './permissions';
import { createReasonDraft } from './reason-draft';
import type { ReasonDraft } from './reason-draft';
import { loadOnce } from '../load-once';
import type { ChangeCore, LockChanges } from './lock-changes';
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

const lockChanges = loadOnce(() => import('./lock-changes'));

/** Fetches the code behind lock, edit and unlock (once for the page); a failed fetch may be tried again. */
export const preloadLockChanges = lockChanges.load;

/** A started record: what every read and change works on. */
export interface Session {
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

  const core: ChangeCore = {
    lock, inFlight, error, notice, form, draft, readyFor, apply, rereadLock, rereadSettings,
    changeBoundary: () => void changes++,
    settled(unknown, retry) {
      stateUnknown = unknown;
      retryLast = retry;
    },
    stateUnknown: () => stateUnknown,
    confirmed: (change) => confirmedListeners.forEach((listener) => listener(change)),
  };
  let changesOfThisModel: LockChanges | null = null;
  /** The code behind lock, edit and unlock: fetched once, when a form opens (or its button gets focus). */
  const loadChanges = async () => (changesOfThisModel ??= (await lockChanges.load()).createLockChanges(core));

  /**
   * Runs a change once its code is here, at once when it already is (so the controls are disabled
   * in the same turn); code that cannot be fetched is said, with a retry.
   */
  async function change(run: (changes: LockChanges) => Promise<void>): Promise<void> {
    const loaded = lockChanges.loaded();
    let changes = changesOfThisModel ?? (loaded && (changesOfThisModel = loaded.createLockChanges(core)));
    if (!changes) {
      try {
        changes = await loadChanges();
      } catch {
        retryLast = () => change(run);
        error.value = failureOf('error.partNotLoaded', true);
        return;
      }
    }
    return run(changes);
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
      preloadLockChanges().catch(() => undefined);
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
      return change((changes) => changes.submitLock(false));
    },
    updateReason(reason) {
      if (reason !== undefined) draft.set(reason);
      return change((changes) => changes.submitReason());
    },
    unlockRecord: () => change((changes) => changes.submitUnlock()),
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
