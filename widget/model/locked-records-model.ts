import { signal } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { RecordToOpen, TabHost } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { LoadMessages } from '../i18n/load-messages';
import { describeLater } from './describe-later';
import { sentTogether } from './failure';
import { createLockedList } from './locked-list';
import type { ListLoading, LockedList, LockedListView } from './locked-list';
import type { ListLoadingDependencies } from './list-loading';
import { parseStoredFilters } from './overview-filters';
import type { OverviewFilters } from './overview-filters';
import { createPageCore, shownCore } from './page-core';
import type { PageCore, PageShown } from './page-core';
import type { HistoryWriter } from './history-writer';
import type { ReasonDraft } from './reason-draft';
import type { Settlement } from './races';
import type { LockSettings } from './settings-cache';
import { createRowChangeRunner } from './row-change-runner';
import type { BulkRun, OpenRow, RowAction, RowFailure, RowNotice } from './tab-actions';
import type { TabModules } from './tab-modules';
import { createTabRows } from './tab-rows';
import { createRowState, rowActions } from './tab-row-actions';
import { createTabSettings } from './tab-settings';
import type { LockedRow } from './tab-rows';
import { startTab } from './tab-start';
import type { TabCode } from './tab-start';
import type { TabSession } from './tab-session';

// Prefixed like the settings cache's keys, so the extension never reads another app's entry on the same origin.
const STORED_FILTERS = 'recordlock.overview.filters';

export interface LockedRecordsDependencies {
  host: TabHost;
  /** The code of the tab's calls and of its list, fetched as the tab starts (tab-start.ts). */
  code: () => Promise<TabCode>;
  loadMessages: LoadMessages;
  store: KeyValueStore;
  now: () => Date;
}

export interface LockedRecordsModel extends PageShown {
  /** Modules with a locking configuration, in the order Zoho lists them. */
  modules: ReadonlySignal<string[]>;
  module: ReadonlySignal<string | null>;
  /** The page of the module's locked records being shown, as loaded. */
  list: LockedListView;
  /** The loaded rows that pass the filters, newest lock first. */
  rows: ReadonlySignal<LockedRow[]>;
  filters: ReadonlySignal<OverviewFilters>;
  selected: ReadonlySignal<ReadonlySet<string>>;
  /** The row whose form or confirmation is open. */
  open: ReadonlySignal<OpenRow | null>;
  inFlight: ReadonlySignal<string | null>;
  notice: ReadonlySignal<RowNotice | null>;
  rowFailure: ReadonlySignal<RowFailure | null>;
  bulk: ReadonlySignal<BulkRun | null>;
  /** The reason being typed in a row's form; null until the code behind the rows' changes is here. */
  draft: ReadonlySignal<ReasonDraft | null>;
  /** The optional reason of "Unlock selected"; likewise. */
  bulkDraft: ReadonlySignal<ReasonDraft | null>;
  /** The unlocks' history notes, with those that could not be written (and a way to write them again); likewise. */
  history: ReadonlySignal<HistoryWriter | null>;
  start(): Promise<void>;
  /** Starts again after a failed start; otherwise loads the list again. */
  retry(): Promise<void>;
  chooseModule(module: string): Promise<void>;
  /** The viewer reaches for the module picker: the modules not yet read are read now. */
  openPicker(): void;
  goToPage(page: number): Promise<void>;
  reload(): Promise<void>;
  setFilters(filters: OverviewFilters): void;
  toggleSelected(recordId: string): void;
  openAction(recordId: string, action: RowAction): void;
  closeAction(): void;
  /** Starts loading the code behind the row changes, e.g. when a row's button gets focus. */
  prepareChanges(): void;
  saveReason(): Promise<void>;
  /** Unlocks the open row with its form's optional reason; one over Zoho's limit stays in the box, unsent. */
  unlockRow(): Promise<void>;
  /** Repeats the change of the row whose form or confirmation is open, after it failed. */
  retryRow(): Promise<void>;
  /** Unlocks the selected rows with the bulk form's optional reason, likewise checked first. */
  unlockSelected(): Promise<void>;
  dismissBulk(): void;
  openRecord(record: RecordToOpen): Promise<void>;
}

/** What the tab says before its texts arrive, or when they never do. */
const BUILT_IN = { 'overview.loading': 'Loading the locked records…', 'overview.failed': 'The locked records could not be loaded.', 'action.retry': 'Try again' };

/**
 * The Web Tab's store: the modules with a locking configuration, one page of a module's locked
 * records with their locks, filters over what is loaded, and the changes a viewer may make.
 * Actions never throw: failures land in signals.
 */
export function createLockedRecordsModel(dependencies: LockedRecordsDependencies): LockedRecordsModel {
  const { host, store, now } = dependencies;
  const core = createPageCore({ ...dependencies, builtInMessages: BUILT_IN });
  const runtime: TabRuntime = { session: null, modules: null, loading: null };
  const moduleNames = signal<string[]>([]);
  const module = signal<string | null>(null);
  const settings = createTabSettings(module);
  const filters = signal<OverviewFilters>(parseStoredFilters(store.get(STORED_FILTERS)));
  const rowState = createRowState();
  const { selected, open, rowFailure, notice, bulk } = rowState;
  const list = createLockedList(() => runtime.loading);
  const listEvents = {
    limit: core.limit,
    onReset: (kept: ReadonlySet<string>) => {
      selected.value = new Set([...selected.value].filter((id) => kept.has(id)));
      // A row form open on a record the new rows still hold stays open, with what was typed in it.
      if (open.value && !kept.has(open.value.recordId)) open.value = null;
      rowFailure.value = null;
    },
    onUnconfigured: (name: string) => runtime.modules?.forget(name, true),
  };
  const { configuration, lockPermission, maxLength } = settings;
  const rows = createTabRows({ user: core.user, configuration, lockPermission, loaded: list.loaded, requests: list.requests, filters, now });
  const rowOf = (recordId: string) => rows.all.value.find((row) => row.record.id === recordId) ?? null;
  const contradicted = (settlement: Settlement) => {
    if (settlement.lockPermission) lockPermission.value = settlement.lockPermission;
    if (module.value) runtime.modules?.forget(module.value, false);
  };
  const changes = createRowChangeRunner({ ...rowState, module, list, rows: rows.all, rowOf, maxLength, limit: core.limit, now, contradicted }, () => runtime.session);

  async function reload(): Promise<void> {
    const name = module.value;
    if (name && core.limit.until.value === null) await list.load(name, list.page.value);
  }

  const start = () => startTabPage({ dependencies, core, runtime, list, listEvents, names: moduleNames, module, showSettings: settings.show });

  return {
    ...shownCore(core),
    modules: moduleNames,
    module,
    list,
    rows: rows.shown,
    filters,
    ...rowState,
    inFlight: changes.inFlight,
    start,
    retry: () => (core.phase.value === 'failed' ? start() : reload()),
    chooseModule: async (name) => {
      bulk.value = null;
      notice.value = null;
      await runtime.modules?.choose(name);
    },
    openPicker: () => runtime.modules?.completeLater(),
    goToPage: async (pageNumber) => {
      const name = module.value;
      if (name && pageNumber >= 1) await list.load(name, pageNumber);
    },
    reload,
    setFilters(next) {
      filters.value = next;
      store.set(STORED_FILTERS, JSON.stringify(next));
    },
    ...rowActions({ ...rowState, rowOf, changes }),
    async openRecord(record) {
      try {
        await host.openRecord(record);
      } catch (error) {
        rowFailure.value = { recordId: record.recordId, failure: await describeLater(error) };
      }
    },
  };
}

/** What the tab's store holds once it has started: the viewer's session and the module picker. */
interface TabRuntime {
  session: TabSession | null;
  /** The picker's reads and the list's loading, from the code fetched as the tab starts. */
  modules: TabModules | null;
  loading: ListLoading | null;
}

interface TabStartParts {
  dependencies: LockedRecordsDependencies;
  core: PageCore;
  runtime: TabRuntime;
  list: LockedList;
  listEvents: Omit<ListLoadingDependencies, 'calls' | 'sources'>;
  names: Signal<string[]>;
  module: Signal<string | null>;
  showSettings(module: string, settings: LockSettings): void;
}

/** Starts the tab: its session, the first module's list and settings, then the rest of the picker. */
async function startTabPage(parts: TabStartParts): Promise<void> {
  const { dependencies, core, runtime, list, listEvents, names, module, showSettings } = parts;
  const { host, store, now, code } = dependencies;
  const start = () => void startTabPage(parts);
  core.begin();
  const started = await startTab({ host, code, store, now, textsFor: core.textsFor });
  if (!started.ok) return core.failed(started.failure, started.unavailable, await started.messages, start);
  runtime.session = started.session;
  runtime.loading = started.createListLoading({ ...listEvents, calls: started.session.calls, sources: started.session.sources });
  const modules = started.createTabModules({ session: () => runtime.session, store, list, names, module, candidates: started.candidates, showSettings });
  runtime.modules = modules;
  const first = await modules.chooseFirst();
  const texts = await started.messages;
  // The configurations are read three at a time: a 429 without a wait is said as too many at once.
  if (first.failure !== null) return core.failed({ ...sentTogether(await describeLater(first.failure)), retryable: true }, false, texts, start);
  core.ready(started.session.user, texts, start);
  if (core.phase.value !== 'ready') return;
  await first.shown;
  modules.completeLater();
}
