import { batch, computed, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { Connect } from '../crm/crm-options';
import type { LockingConfiguration, LockPermission } from '../crm/types';
import type { CurrentUser, RecordToOpen, TabHost } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { TimeFormat } from '../i18n/format-time';
import type { LoadMessages } from '../i18n/load-messages';
import type { Translate } from '../i18n/messages';
import { describeLater } from './describe-later';
import type { Failure } from './failure';
import { MAX_IN_FLIGHT } from './in-parallel';
import { createLockedList } from './locked-list';
import type { LockedListView } from './locked-list';
import { parseStoredFilters } from './overview-filters';
import type { OverviewFilters } from './overview-filters';
import { createPageCore } from './page-core';
import type { Phase } from './page-core';
import type { ReasonDraft } from './reason-draft';
import { createRowChangeRunner } from './row-change-runner';
import type { BulkRun, OpenRow, RowAction, RowFailure, RowNotice } from './tab-actions';
import type { TabCalls } from './tab-calls';
import type { TabModules } from './tab-modules';
import type { LockSettings } from './settings-cache';
import { createTabRows } from './tab-rows';
import type { LockedRow } from './tab-rows';
import { startTab } from './tab-start';
import type { TabSession } from './tab-session';
import { defaultReasonMaxLength } from '../crm/reason';

// Prefixed like the settings cache's keys, so the extension never reads another app's entry on the same origin.
const STORED_FILTERS = 'recordlock.overview.filters';

export interface LockedRecordsDependencies {
  host: TabHost;
  /** The tab's Zoho calls, made once the org's API domain is known. */
  connect: Connect<TabCalls>;
  loadMessages: LoadMessages;
  store: KeyValueStore;
  now: () => Date;
}

export interface LockedRecordsModel {
  phase: ReadonlySignal<Phase>;
  startFailure: ReadonlySignal<Failure | null>;
  t: ReadonlySignal<Translate>;
  time: ReadonlySignal<TimeFormat>;
  user: ReadonlySignal<CurrentUser | null>;
  /** Modules with a locking configuration, in the order Zoho lists them. */
  modules: ReadonlySignal<string[]>;
  module: ReadonlySignal<string | null>;
  /** The page of the module's locked records being shown, as loaded. */
  list: LockedListView;
  /** The loaded rows that pass the filters, newest lock first. */
  rows: ReadonlySignal<LockedRow[]>;
  /** People who locked one of the loaded records by hand, for the "Locked by" filter. */
  lockers: ReadonlySignal<{ id: string; name: string }[]>;
  filters: ReadonlySignal<OverviewFilters>;
  selected: ReadonlySignal<ReadonlySet<string>>;
  /** The row whose form or confirmation is open. */
  open: ReadonlySignal<OpenRow | null>;
  inFlight: ReadonlySignal<string | null>;
  notice: ReadonlySignal<RowNotice | null>;
  rowFailure: ReadonlySignal<RowFailure | null>;
  bulk: ReadonlySignal<BulkRun | null>;
  /** While Zoho's API limit holds: the time (ms since the epoch) before which Try again is not offered. */
  waitUntil: ReadonlySignal<number | null>;
  /** The reason being typed in a row's form; null until the code behind the rows' changes is here. */
  draft: ReadonlySignal<ReasonDraft | null>;
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
  unlockRow(): Promise<void>;
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
  let session: TabSession | null = null;
  const settings = signal<{ module: string; configuration: LockingConfiguration | null } | null>(null);
  const lockPermission = signal<LockPermission>('unknown');
  const maxLength = signal(defaultReasonMaxLength);
  const filters = signal<OverviewFilters>(parseStoredFilters(store.get(STORED_FILTERS)));
  const selected = signal<ReadonlySet<string>>(new Set());
  const open = signal<OpenRow | null>(null);
  const rowFailure = signal<RowFailure | null>(null);
  const notice = signal<RowNotice | null>(null);
  const bulk = signal<BulkRun | null>(null);
  const draft = signal<ReasonDraft | null>(null);
  const list = createLockedList({
    calls: () => session?.calls ?? null,
    sources: () => session?.sources ?? null,
    limit: core.limit,
    onReset: () => {
      selected.value = new Set();
      open.value = null;
      rowFailure.value = null;
    },
    onUnconfigured: (name) => modules?.forget(name, true),
  });
  const moduleNames = signal<string[]>([]);
  const module = signal<string | null>(null);
  /** The picker's reads, from the code fetched as the tab starts. */
  let modules: TabModules | null = null;
  const showSettings = (name: string, known: LockSettings) => {
    if (module.value !== name) return;
    batch(() => {
      settings.value = { module: name, configuration: known.configuration };
      lockPermission.value = known.lockPermission;
      maxLength.value = known.maxLength;
    });
  };
  const configuration = computed(() => (settings.value?.module === module.value ? (settings.value?.configuration ?? null) : null));
  const rows = createTabRows({ user: core.user, configuration, lockPermission, loaded: list.loaded, requests: list.requests, filters, now });
  const rowOf = (recordId: string) => rows.all.value.find((row) => row.record.id === recordId) ?? null;
  const changes = createRowChangeRunner({
    module,
    list,
    rows: rows.all,
    rowOf,
    selected,
    open,
    rowFailure,
    notice,
    bulk,
    maxLength,
    limit: core.limit,
    now,
    contradicted(settlement) {
      if (settlement.lockPermission) lockPermission.value = settlement.lockPermission;
      const name = module.value;
      if (name) modules?.forget(name, false);
    },
  }, () => session);

  async function reload(): Promise<void> {
    const name = module.value;
    if (name && core.limit.until.value === null) await list.load(name, list.page.value);
  }

  async function start(): Promise<void> {
    core.begin();
    const started = await startTab({ host, connect: dependencies.connect, store, now, textsFor: core.textsFor, maxInFlight: MAX_IN_FLIGHT });
    if (!started.ok) return core.failed(started.failure, started.unavailable, await started.messages, () => void start());
    session = started.session;
    modules = started.createTabModules({ session: () => session, store, list, names: moduleNames, module, candidates: started.candidates, showSettings });
    const first = await modules.chooseFirst();
    const texts = await started.messages;
    if (first.failure !== null) {
      return core.failed({ ...(await describeLater(first.failure)), retryable: true }, false, texts, () => void start());
    }
    core.ready(started.session.user, texts, () => void start());
    if (core.phase.value !== 'ready') return;
    await first.shown;
    modules.completeLater();
  }

  return {
    phase: core.phase,
    startFailure: core.startFailure,
    t: core.t,
    time: core.time,
    user: core.user,
    waitUntil: core.limit.until,
    modules: moduleNames,
    module,
    list,
    rows: rows.shown,
    lockers: rows.lockers,
    filters,
    selected,
    open,
    inFlight: changes.inFlight,
    notice,
    rowFailure,
    bulk,
    draft,
    start,
    retry: () => (core.phase.value === 'failed' ? start() : reload()),
    chooseModule: async (name) => {
      bulk.value = null;
      notice.value = null;
      await modules?.choose(name);
    },
    openPicker: () => modules?.completeLater(),
    goToPage: async (pageNumber) => {
      const name = module.value;
      if (name && pageNumber >= 1) await list.load(name, pageNumber);
    },
    reload,
    setFilters(next) {
      filters.value = next;
      store.set(STORED_FILTERS, JSON.stringify(next));
    },
    toggleSelected(recordId) {
      if (!rowOf(recordId)?.selectable) return;
      const next = new Set(selected.value);
      if (next.has(recordId)) next.delete(recordId);
      else next.add(recordId);
      selected.value = next;
      if (next.size > 0) changes.prepare();
    },
    openAction(recordId, action) {
      const row = rowOf(recordId);
      if (!row?.permissions[action].allowed) return;
      void changes.run(recordId, async (loaded) => {
        batch(() => {
          draft.value = loaded.draft;
          open.value = { recordId, action };
          rowFailure.value = null;
          notice.value = null;
          if (action === 'editReason') loaded.draft.set(row.lock.reason ?? '');
        });
      });
    },
    closeAction: () => void (open.value = null),
    prepareChanges: changes.prepare,
    saveReason: () => changes.run(open.value?.recordId ?? null, (loaded) => loaded.saveReason()),
    unlockRow: () => changes.run(open.value?.recordId ?? null, (loaded) => loaded.unlockRow()),
    unlockSelected: () => changes.run(null, (loaded) => loaded.unlockSelected()),
    dismissBulk: () => void (bulk.value = null),
    async openRecord(record) {
      try {
        await host.openRecord(record);
      } catch (error) {
        rowFailure.value = { recordId: record.recordId, failure: await describeLater(error) };
      }
    },
  };
}
