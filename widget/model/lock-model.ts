import { batch } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { Lock, LockingConfiguration, RecordHold, RecordRef } from '../crm/types';
import type { Host } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { LoadMessages } from '../i18n/load-messages';
import { loadOnce } from '../load-once';
import type { Failure } from './failure';
import { failureOf } from './failure';
import type { ChangeCore, LockChanges } from './lock-changes';
import { onDemandActions, type OnDemandActions } from './on-demand-actions';
import type { LockReading, Recovery } from './lock-reading';
import type { ConfirmedChange, LockAction, Session } from './lock-session';
import { createLockState } from './lock-state';
import type { LockState } from './lock-state';
import { createPageCore, shownCore } from './page-core';
import type { PageCore, PageShown } from './page-core';
import type { Connect } from '../crm/crm-options';
import type { PanelCalls } from './panel-calls';
import type { Permissions } from './permissions';
import type { Notice } from './races';
import type { ReasonDraft } from './reason-draft';
import { startUp } from './start-up';
import type { UnlockFollowUp } from './unlock-follow-up';

export interface LockModelDependencies {
  host: Host;
  /** The code of the panel's Zoho calls, fetched as the panel starts. */
  connect: () => Promise<Connect<PanelCalls>>;
  loadMessages: LoadMessages;
  now: () => Date;
  /** Where the module's settings are cached between views (host/storage.ts); none: every view reads them. */
  store?: KeyValueStore;
}

export interface LockModel extends PageShown {
  record: ReadonlySignal<RecordRef | null>;
  /** The record's name, when the record read gave it. */
  recordName: ReadonlySignal<string | null>;
  /** The record's owner, when the record read gave it. */
  recordOwner: ReadonlySignal<{ id: string; name: string } | null>;
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
  /** What just happened, for the live region: "Record locked.", "Max Manager locked this record first." */
  notice: ReadonlySignal<Notice | null>;
  /** The open form or confirm step. */
  form: ReadonlySignal<LockAction | null>;
  draft: ReasonDraft;
  start(): Promise<void>;
  /** Opens a form or confirm step; its code starts loading then, if it has not yet. */
  openForm(action: LockAction): void;
  closeForm(): void;
  /** Loads the code behind the changes before a form opens, e.g. when its button gets focus; never rejects. */
  prepare(): Promise<void>;
  /** Locks with `reason` (or the draft). Bad input sends nothing and sets draft.problem. */
  lockRecord(reason?: string): Promise<void>;
  updateReason(reason?: string): Promise<void>;
  /** Unlocks with the draft as its optional reason; one over Zoho's limit sends nothing and sets draft.problem. */
  unlockRecord(): Promise<void>;
  /** Reads the lock again without hiding what is shown. */
  refresh(): Promise<void>;
  /** Repeats what failed last: start-up, a re-read or the change (a lock is verified before it is re-sent). */
  retry(): Promise<void>;
  dismissError(): void;
  /** Stops listening for the page becoming visible, and any wait. */
  dispose(): void;
  /** Calls `listener` after each change Zoho confirmed (never for a change found made elsewhere); returns the unsubscribe. */
  onConfirmedChange(listener: (change: ConfirmedChange) => void): () => void;
  /** Hands over what writes an unlock's history note and answers its requests; an unlock confirmed before waits for it. */
  attachFollowUp(followUp: UnlockFollowUp): void;
}

/** What the panel says before its texts arrive, or when they never do. */
const BUILT_IN = { 'start.loading': 'Loading the lock status…', 'start.failed': 'The lock status could not be loaded.', 'action.retry': 'Try again' };

/**
 * The store for one record's lock. Actions never throw: failures land in `error` or `notice`.
 * @example const model = createLockModel({ host, connect, loadMessages, now: () => new Date() }); await model.start();
 */
export function createLockModel(dependencies: LockModelDependencies): LockModel {
  const core = createPageCore({ ...dependencies, builtInMessages: BUILT_IN });
  const state = createLockState(core);
  const recovery: Recovery = { retryLast: null, stateUnknown: false, changes: 0 };
  let session: Session | null = null;
  const reading = lazyReading(state, core, () => session, recovery);
  const listeners = new Set<(change: ConfirmedChange) => void>();
  const readyFor = (action: LockAction) =>
    session && state.inFlight.value === null && state.permissions.value?.[action].allowed ? session : null;
  const userName = () => core.user.value?.fullName ?? '';
  const confirmed = (change: ConfirmedChange) => listeners.forEach((listener) => listener(change));
  const followUps = followUpSlot();
  const changeCore: ChangeCore = { state, reading, limit: core.limit, recovery, readyFor, userName, now: dependencies.now, confirmed, followUp: followUps.followUp };
  // The code behind lock, edit and unlock and their calls: fetched when a form opens (or its button gets focus).
  const changes = onDemandActions(async () => {
    if (!session) throw new Error('The panel has not started');
    const [code, writes] = await Promise.all([import('./lock-changes'), session.calls.writes()]);
    return code.createLockChanges(changeCore, writes);
  });
  const change = (action: (loaded: LockChanges) => Promise<void>): Promise<void> =>
    changes.run(action, () => {
      recovery.retryLast = () => change(action);
      state.error.value = failureOf('error.partNotLoaded', true);
    });
  let stopWatchingVisibility: (() => void) | null = null;

  async function start(): Promise<void> {
    core.begin();
    const result = await startUp({ ...dependencies, textsFor: core.textsFor, now: () => dependencies.now().getTime() });
    if (!result.ok) return core.failed(result.failure, result.unavailable, result.messages, () => void retry());
    const { facts } = result;
    session = { calls: facts.calls, record: facts.record, userId: facts.user.id, settings: facts.settings };
    batch(() => {
      state.record.value = facts.record;
      state.lock.value = facts.lock;
      state.hold.value = facts.summary.hold;
      state.recordName.value = facts.summary.name ?? null;
      state.recordOwner.value = facts.summary.owner ?? null;
      state.showSettings(facts);
      core.ready(facts.user, result.messages, () => void retry());
    });
    if (facts.settingsStale) reading.rereadSettings(false);
    stopWatchingVisibility ??= dependencies.host.onVisible(() => void reading.refresh());
  }

  async function retry(): Promise<void> {
    if (core.limit.until.value !== null) return;
    if (core.phase.value === 'failed') return start();
    const again = recovery.retryLast;
    recovery.retryLast = null;
    if (again && state.inFlight.value === null) await again();
  }

  return {
    ...shownState(core, state),
    start,
    refresh: reading.refresh,
    retry,
    prepare: changes.prepare,
    onConfirmedChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    attachFollowUp: followUps.attach,
    ...formActions({ state, readyFor, changes, change }),
    dismissError() {
      state.error.value = null;
      // Dismissing must not leave a possibly stale lock on screen without a word: look again.
      if (recovery.stateUnknown) void reading.rereadLock();
    },
    dispose() {
      core.limit.dispose();
      stopWatchingVisibility?.();
      stopWatchingVisibility = null;
    },
  };
}

/** What the panel shows, read-only: the page core's signals and the record's lock state. */
function shownState(core: PageCore, state: LockState) {
  return {
    ...shownCore(core),
    record: state.record,
    recordName: state.recordName,
    recordOwner: state.recordOwner,
    configuration: state.configuration,
    lock: state.lock,
    hold: state.hold,
    ruleName: state.ruleName,
    permissions: state.permissions,
    inFlight: state.inFlight,
    refreshing: state.refreshing,
    error: state.error,
    notice: state.notice,
    form: state.form,
    draft: state.draft,
  };
}

interface FormParts {
  state: LockState;
  readyFor(action: LockAction): Session | null;
  changes: OnDemandActions<LockChanges>;
  change(action: (loaded: LockChanges) => Promise<void>): Promise<void>;
}

/** Opening and closing a form, and the three changes its Save or Yes sends. */
function formActions({ state, readyFor, changes, change }: FormParts): Pick<LockModel, 'openForm' | 'closeForm' | 'lockRecord' | 'updateReason' | 'unlockRecord'> {
  return {
    openForm(action) {
      if (!readyFor(action)) return;
      void changes.prepare();
      batch(() => {
        if (action === 'editReason') state.draft.set(state.lock.value?.reason ?? '');
        // An unlock's reason starts empty, never with a lock reason typed in a form closed before.
        if (action === 'unlock') state.draft.set('');
        state.notice.value = null;
        state.form.value = action;
      });
    },
    closeForm() {
      if (state.inFlight.value !== null) return;
      batch(() => {
        state.form.value = null;
        state.draft.set('');
      });
    },
    lockRecord(reason) {
      if (reason !== undefined) state.draft.set(reason);
      return change((loaded) => loaded.submitLock(false));
    },
    updateReason(reason) {
      if (reason !== undefined) state.draft.set(reason);
      return change((loaded) => loaded.submitReason());
    },
    unlockRecord: () => change((loaded) => loaded.submitUnlock()),
  };
}

/**
 * Where an unlock's follow-up is handed over once its code has loaded; until then an unlock's waits.
 * Once attached it is called in the same turn, so it sees the requests before anything else does.
 */
function followUpSlot() {
  let attached: UnlockFollowUp | null = null;
  const waiting: ((followUp: UnlockFollowUp) => void)[] = [];
  const followUp: UnlockFollowUp = {
    unlocked: (unlock) => attached?.unlocked(unlock) ?? new Promise((resolve) => waiting.push((ready) => resolve(ready.unlocked(unlock)))),
  };
  return {
    followUp,
    attach(ready: UnlockFollowUp) {
      attached = ready;
      waiting.splice(0).forEach((run) => run(ready));
    },
  };
}

/**
 * The reads of a lock already shown, whose code is fetched the first time one is needed: a view
 * shows its lock without it. Code that cannot be fetched leaves the screen as it is.
 */
function lazyReading(state: LockState, core: PageCore, session: () => Session | null, recovery: Recovery): LockReading {
  const code = loadOnce(() => import('./lock-reading').then((part) => part.createLockReading(state, core.limit, session, recovery)));
  const use = (read: (reading: LockReading) => Promise<void> | void) => code.load().then(read, () => undefined);
  return {
    refresh: () => use((reading) => reading.refresh()),
    rereadLock: () => use((reading) => reading.rereadLock()),
    rereadSettings: (contradicted) => void use((reading) => reading.rereadSettings(contradicted)),
  };
}
