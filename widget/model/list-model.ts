import { batch, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { Connect } from '../crm/crm-options';
import type { ListHost } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { LoadMessages } from '../i18n/load-messages';
import { failureOf } from './failure';
import type { Failure } from './failure';
import type { ListCalls } from './list-calls';
import type { ListAction, ListRun, UnlockChoice } from './list-results';
import type { ListRunCore, ListRuns } from './list-runs';
import { startList } from './list-start';
import type { ListSession } from './list-start';
import { createListState } from './list-state';
import type { ListState } from './list-state';
import { onDemandActions } from './on-demand-actions';
import { createPageCore, shownCore } from './page-core';
import type { PageShown } from './page-core';

export interface ListModelDependencies {
  host: ListHost;
  /** The code of the page's Zoho calls, fetched beside the SDK's start; the calls are made once the org's API domain is known. */
  connect: () => Promise<Connect<ListCalls>>;
  loadMessages: LoadMessages;
  /** Where the module's settings are cached, shared with the record panel and the tab. */
  store: KeyValueStore;
  now: () => Date;
}

/** The list page's store: its core, the selection as the shared rules see it (list-state.ts), and its runs. */
export interface ListModel
  extends PageShown,
    Pick<ListState, 'module' | 'selected' | 'refusal' | 'records' | 'missing' | 'lockDenied' | 'unlockOffered' | 'draft' | 'unlockDraft'> {
  /** What the run does, once one has started. */
  action: ReadonlySignal<ListAction | null>;
  run: ReadonlySignal<ListRun | null>;
  unlockChoice: ReadonlySignal<UnlockChoice | null>;
  /** A failure outside any one record, e.g. the code of the runs could not be fetched. */
  error: ReadonlySignal<Failure | null>;
  /** Zoho did not close its popup when asked: the viewer closes it. */
  closeFailed: ReadonlySignal<boolean>;
  start(): Promise<void>;
  /** Starts again after a failed start; otherwise tries the finished run's failures again. */
  retry(): Promise<void>;
  /** Fetches the code behind the runs before it is needed, e.g. when the reason box gets focus. */
  prepare(): void;
  /** Locks the records with the draft (or `reason`); a reason that cannot be sent sends nothing and stays. */
  lockSelected(reason?: string): Promise<void>;
  findMyLocks(): Promise<void>;
  /** Unlocks the viewer's locks with the unlock draft's optional reason; one over Zoho's limit stays in the box, unsent. */
  unlockMine(): Promise<void>;
  cancelUnlock(): void;
  writeMissedNotes(): Promise<void>;
  /** Closes Zoho's popup; the list behind it reloads when something was changed, so the new states show. */
  close(): Promise<void>;
}

/** What the page says before its texts arrive, or when they never do. */
const BUILT_IN = { 'list.loading': 'Reading the selected records…', 'list.failed': 'The selected records could not be read.', 'action.retry': 'Try again' };

/**
 * The store of the list view's button page: the selection Zoho handed over, refused before any
 * call when empty or too large, then read once; one reason for all, a lock run (or the viewer's own
 * locks unlocked), its summary, retries of what failed, and closing Zoho's popup. Actions never
 * throw: failures land in signals.
 */
export function createListModel(dependencies: ListModelDependencies): ListModel {
  const { host, now } = dependencies;
  const core = createPageCore({ ...dependencies, builtInMessages: BUILT_IN });
  const state = createListState(core.user);
  const runCore: ListRunCore = { records: state.records, mayUnlock: state.mayUnlock, ...runSignals(), limit: core.limit, now };
  const error = signal<Failure | null>(null);
  const closeFailed = signal(false);
  let session: ListSession | null = null;
  // The code behind the runs and their calls: fetched as the page is ready, or when a run is asked for.
  const runs = onDemandActions(async () => {
    if (!session) throw new Error('The list page has not started');
    const [code, writes] = await Promise.all([import('./list-runs'), session.calls.writes(), session.calls.activity()]);
    return code.createListRuns(runCore, session, writes);
  });
  const use = (action: (loaded: ListRuns) => Promise<void>) => {
    error.value = null;
    return runs.run(action, () => void (error.value = failureOf('error.partNotLoaded', true)));
  };

  async function start(): Promise<void> {
    core.begin();
    const started = await startList({ ...dependencies, textsFor: core.textsFor, now: () => now().getTime() });
    const texts = await started.messages;
    if (!started.ok) return core.failed(started.failure, started.unavailable, texts, () => void start());
    const { facts } = started;
    batch(() => {
      state.facts.value = facts;
      if (facts.refusal === null) state.settings.value = facts.settings;
      core.ready(started.user, texts, () => void start());
    });
    if (facts.refusal === null) {
      session = facts.session;
      void runs.prepare();
    }
  }

  return {
    ...shownCore(core),
    module: state.module,
    selected: state.selected,
    refusal: state.refusal,
    records: state.records,
    missing: state.missing,
    lockDenied: state.lockDenied,
    unlockOffered: state.unlockOffered,
    draft: state.draft,
    unlockDraft: state.unlockDraft,
    action: runCore.action,
    run: runCore.run,
    unlockChoice: runCore.unlockChoice,
    error,
    closeFailed,
    start,
    retry: () => (core.phase.value === 'failed' ? start() : use((loaded) => loaded.retryFailed())),
    prepare: () => void runs.prepare(),
    lockSelected(reason) {
      if (reason !== undefined) state.draft.set(reason);
      const checked = state.draft.check();
      if (checked === null || state.lockPermission.value?.allowed !== true || state.records.value.length === 0) return Promise.resolve();
      return use((loaded) => loaded.lockAll(checked));
    },
    findMyLocks: () => use((loaded) => loaded.findMyLocks()),
    unlockMine() {
      const reason = state.unlockDraft.check(true);
      return reason === null ? Promise.resolve() : use((loaded) => loaded.unlockMine(reason));
    },
    cancelUnlock: () => void (runCore.unlockChoice.value = null),
    writeMissedNotes: () => use((loaded) => loaded.writeMissedNotes()),
    async close() {
      closeFailed.value = false;
      // Zoho ends the page as it closes the popup; an answer of false means the popup stayed.
      if (!(await host.closePopup(changedAny(runCore.run.value)))) closeFailed.value = true;
    },
  };
}

/** Where a run shows: what it does, its progress and results, and the unlock step before it. */
const runSignals = () => ({ action: signal<ListAction | null>(null), run: signal<ListRun | null>(null), unlockChoice: signal<UnlockChoice | null>(null) });

/** Whether a run changed a lock: the list behind the popup then reloads to show it. */
const changedAny = (run: ListRun | null) => run?.results.some(({ outcome }) => outcome.kind === 'locked' || outcome.kind === 'unlocked') ?? false;
