import { batch, computed, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import { CrmError, hasCode } from '../crm/crm-error';
import type { Crm, CrmOptions } from '../crm/crm';
import { SEARCH_REFUSED_CODES } from '../crm/locked-records';
import type { LockedRecord, LockedRecordSearch } from '../crm/locked-records';
import type { Lock, LockingConfiguration, LockPermission } from '../crm/types';
import { HostError } from '../host/host';
import type { CurrentUser, RecordToOpen, TabHost } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import { createTimeFormat } from '../i18n/format-time';
import type { TimeFormat } from '../i18n/format-time';
import { loadMessagesOrEnglish } from '../i18n/load-messages';
import type { LoadMessages } from '../i18n/load-messages';
import { intlLocaleOf, languageOf } from '../i18n/locale';
import { createTranslator } from '../i18n/messages';
import type { Messages, Translate } from '../i18n/messages';
import { describeFailure, failureOf } from './failure';
import type { Failure } from './failure';
import { inParallel } from './in-parallel';
import type { LockSettings } from './settings-cache';
import type { OpenRequestCount, TabSources } from './tab-sources';
import { parseStoredFilters, passesFilters } from './overview-filters';
import type { OverviewFilters } from './overview-filters';
import { permissionsFor } from './permissions';
import type { Permissions } from './permissions';
import { createReasonDraft } from './reason-draft';
import type { ReasonDraft } from './reason-draft';
import type { Notice } from './races';
import type { RowChangeCore, RowChanges } from './row-changes';
import { defaultReasonMaxLength as FALLBACK_REASON_MAX_LENGTH } from '../crm/fields';
import { loadOnce } from '../load-once';

/** The standard modules Zoho can lock (user-created custom modules are not listed: see the README). */
export const LOCKABLE_MODULES = [
  'Leads', 'Accounts', 'Contacts', 'Deals', 'Tasks', 'Cases', 'Solutions',
  'Vendors', 'Price_Books', 'Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices',
] as const;

/** Records per screen: one search call, then one lock read per record. */
export const PAGE_SIZE = 20;
/** Calls in flight at once: Zoho limits concurrency per user and app, shared with other apps. */
export const MAX_IN_FLIGHT = 3;

// Prefixed like the settings cache's keys, so the extension never reads another app's entry on the same origin.
const STORED_MODULE = 'recordlock.overview.module';
const STORED_FILTERS = 'recordlock.overview.filters';

export type OverviewPhase = 'starting' | 'ready' | 'unavailable' | 'failed';
/** loading: the search or its lock reads run; refused: Zoho will not search on Locked__s. */
export type ListPhase = 'idle' | 'loading' | 'loaded' | 'refused' | 'failed';
export type RowAction = 'editReason' | 'unlock';

export interface LockedRow {
  record: LockedRecord;
  lock: Lock;
  /** Name of the rule behind the lock, when the configuration knows it. */
  ruleName: string | null;
  permissions: Permissions;
  /** A manual lock the viewer may unlock: it gets a checkbox. */
  selectable: boolean;
  /** Open unlock requests on this lock; null while they are read or when they could not be. */
  openRequests: number | null;
}

export type BulkOutcome = 'unlocked' | 'alreadyUnlocked' | 'changed' | 'failed';
export interface BulkResult {
  record: LockedRecord;
  outcome: BulkOutcome;
  failure: Failure | null;
}
export interface BulkRun {
  total: number;
  results: BulkResult[];
  finished: boolean;
}

/** What just happened to one row, or to the list, for the live region. */
export interface RowNotice extends Notice {
  recordName: string;
}

const rowChangesPart = loadOnce(() => import('./row-changes'));
const tabSourcesPart = loadOnce(() => import('./tab-sources'));

/**
 * Fetches the code behind a row's reason edit and unlock and the bulk unlock (once for the page),
 * when a row's form opens or a row is selected; a failed fetch may be tried again.
 */
export const preloadRowChanges = rowChangesPart.load;

/** Fetches the code behind the cached settings, the module list and the request counts, as the tab starts. */
export const preloadTabSources = tabSourcesPart.load;

export interface LockedRecordsDependencies {
  host: TabHost;
  createCrm: (options: CrmOptions) => Crm;
  createSearch: (options: CrmOptions) => LockedRecordSearch;
  loadMessages: LoadMessages;
  store: KeyValueStore;
  now: () => Date;
}

export interface LockedRecordsModel {
  phase: ReadonlySignal<OverviewPhase>;
  startFailure: ReadonlySignal<Failure | null>;
  t: ReadonlySignal<Translate>;
  time: ReadonlySignal<TimeFormat>;
  user: ReadonlySignal<CurrentUser | null>;
  /** Modules with a locking configuration, in the order Zoho lists them. */
  modules: ReadonlySignal<string[]>;
  module: ReadonlySignal<string | null>;
  listPhase: ReadonlySignal<ListPhase>;
  listFailure: ReadonlySignal<Failure | null>;
  /** 1-based page of the search. */
  page: ReadonlySignal<number>;
  hasNextPage: ReadonlySignal<boolean>;
  /** Records found but unlocked or deleted before their lock was read: dropped with a note. */
  dropped: ReadonlySignal<number>;
  /** Records whose lock could not be read (not dropped: they may still be locked). */
  unread: ReadonlySignal<LockedRecord[]>;
  /** The loaded rows that pass the filters, newest lock first. */
  rows: ReadonlySignal<LockedRow[]>;
  /** How many rows the page loaded before filtering. */
  loadedCount: ReadonlySignal<number>;
  /** People who locked one of the loaded records by hand, for the "Locked by" filter. */
  lockers: ReadonlySignal<{ id: string; name: string }[]>;
  filters: ReadonlySignal<OverviewFilters>;
  selected: ReadonlySignal<ReadonlySet<string>>;
  /** The row whose form or confirmation is open. */
  open: ReadonlySignal<{ recordId: string; action: RowAction } | null>;
  inFlight: ReadonlySignal<string | null>;
  notice: ReadonlySignal<RowNotice | null>;
  rowFailure: ReadonlySignal<{ recordId: string; failure: Failure } | null>;
  bulk: ReadonlySignal<BulkRun | null>;
  draft: ReasonDraft;
  start(): Promise<void>;
  chooseModule(module: string): Promise<void>;
  goToPage(page: number): Promise<void>;
  reload(): Promise<void>;
  setFilters(filters: OverviewFilters): void;
  toggleSelected(recordId: string): void;
  openAction(recordId: string, action: RowAction): void;
  closeAction(): void;
  saveReason(): Promise<void>;
  unlockRow(): Promise<void>;
  unlockSelected(): Promise<void>;
  dismissBulk(): void;
  openRecord(record: RecordToOpen): Promise<void>;
}

interface Session {
  crm: Crm;
  search: LockedRecordSearch;
  user: CurrentUser;
  sources: TabSources;
}

/**
 * The Web Tab's store: the modules with a locking configuration, one page of a module's locked
 * records with their locks, filters over what is loaded, and the changes a viewer may make.
 * Actions never throw: failures land in signals.
 */
export function createLockedRecordsModel(dependencies: LockedRecordsDependencies): LockedRecordsModel {
  const { host, store, now } = dependencies;
  const phase = signal<OverviewPhase>('starting');
  const startFailure = signal<Failure | null>(null);
  const messages = signal<Messages>({});
  const english = signal<Messages>({});
  const user = signal<CurrentUser | null>(null);
  const moduleNames = signal<string[]>([]);
  /** The chosen module's settings, from the cache or Zoho; null until known. */
  const settings = signal<{ module: string; configuration: LockingConfiguration | null } | null>(null);
  const module = signal<string | null>(null);
  const lockPermission = signal<LockPermission>('unknown');
  const listPhase = signal<ListPhase>('idle');
  const listFailure = signal<Failure | null>(null);
  const page = signal(1);
  const hasNextPage = signal(false);
  const dropped = signal(0);
  const unread = signal<LockedRecord[]>([]);
  const loaded = signal<{ record: LockedRecord; lock: Lock }[]>([]);
  /** Counts a visible record's open requests on its lock; null until read, or when the read failed. */
  const requests = signal<OpenRequestCount | null>(null);
  const filters = signal<OverviewFilters>(parseStoredFilters(store.get(STORED_FILTERS)));
  const selected = signal<ReadonlySet<string>>(new Set());
  const open = signal<{ recordId: string; action: RowAction } | null>(null);
  const inFlight = signal<string | null>(null);
  const notice = signal<RowNotice | null>(null);
  const rowFailure = signal<{ recordId: string; failure: Failure } | null>(null);
  const bulk = signal<BulkRun | null>(null);
  const maxLength = signal(FALLBACK_REASON_MAX_LENGTH);
  const draft = createReasonDraft(maxLength);
  let session: Session | null = null;
  /** Bumped per list load: answers of an older load (another module or page) are dropped. */
  let generation = 0;

  const t = computed(() => createTranslator(messages.value, english.value));
  const time = computed(() =>
    createTimeFormat({ locale: intlLocaleOf(user.value?.locale ?? 'en'), timeZone: user.value?.timeZone ?? 'UTC', now }),
  );
  const configuration = computed(() => (settings.value && settings.value.module === module.value ? settings.value.configuration : null));

  const allRows = computed<LockedRow[]>(() => {
    const viewer = user.value;
    if (!viewer) return [];
    return loaded.value.map(({ record, lock }) => {
      const permissions = permissionsFor({
        profileId: viewer.profile.id,
        lockPermission: lockPermission.value,
        configuration: configuration.value,
        lock,
        hold: 'none',
      });
      const ruleName = lock.ruleId ? (configuration.value?.rules.find((rule) => rule.id === lock.ruleId)?.name ?? null) : null;
      const openRequests = requests.value?.(record.id, lock.lockedAt) ?? null;
      return { record, lock, ruleName, permissions, selectable: permissions.unlock.allowed, openRequests };
    });
  });
  const rows = computed(() => {
    const viewerId = user.value?.id ?? '';
    const at = now();
    return allRows.value
      .filter((row) => passesFilters(row.lock, filters.value, viewerId, at))
      .sort((a, b) => new Date(b.lock.lockedAt).getTime() - new Date(a.lock.lockedAt).getTime());
  });
  const lockers = computed(() => {
    const byId = new Map<string, string>();
    for (const { lock } of loaded.value) if (lock.lockedBy) byId.set(lock.lockedBy.id, lock.lockedBy.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  });

  async function start(): Promise<void> {
    const englishLoad = dependencies.loadMessages('en').catch(() => ({}));
    const [tab, viewer, environment, part] = await Promise.allSettled([host.tabContext(), host.currentUser(), host.environment(), preloadTabSources()]);
    const failed = [tab, viewer, environment, part].find((outcome) => outcome.status === 'rejected');
    if (failed || viewer.status !== 'fulfilled' || environment.status !== 'fulfilled' || part.status !== 'fulfilled') {
      const reason: unknown = failed?.status === 'rejected' ? failed.reason : undefined;
      english.value = await englishLoad;
      return fail(reason);
    }
    const { orgId, apiDomain } = environment.value;
    const options = { host, apiDomain };
    const crm = dependencies.createCrm(options);
    const sources = part.value.createTabSources({
      crm,
      crmOptions: options,
      store,
      now: () => now().getTime(),
      scope: { orgId, apiDomain, userId: viewer.value.id },
      profileId: viewer.value.profile.id,
      candidates: LOCKABLE_MODULES,
      maxInFlight: MAX_IN_FLIGHT,
    });
    session = { crm, search: dependencies.createSearch(options), user: viewer.value, sources };
    const translation = loadMessagesOrEnglish(dependencies.loadMessages, languageOf(viewer.value.locale));
    // A warm tab knows which modules have a configuration and spends no call on it; a cold one reads all candidates.
    const cachedModules = session.sources.modules.cached();
    const remembered = store.get(STORED_MODULE);
    const known = cachedModules ? cachedModules.settings : LOCKABLE_MODULES;
    const early = remembered && (known as readonly string[]).includes(remembered) ? remembered : null;
    // The remembered module's list is searched at once, beside any settings reads, to keep the first screen to two round trips.
    const firstList = early ? loadList(early, 1) : null;
    if (early) module.value = early;
    const earlySettings = early ? useSettingsOf(early) : null;
    const picker = session.sources.pickerModules(
      cachedModules,
      early && earlySettings ? earlySettings.then((known) => (known?.configuration ? early : null)) : null,
    );
    void picker.later.then((later) => later && (moduleNames.value = later));
    const first = await picker.first;
    if (!first.modules) {
      generation++;
      english.value = await englishLoad;
      return fail(first.failure);
    }
    const names = first.modules;
    const [texts, englishTexts] = await Promise.all([translation, englishLoad]);
    batch(() => {
      messages.value = texts;
      english.value = englishTexts;
      user.value = viewer.value;
      moduleNames.value = names;
    });
    phase.value = 'ready';
    // A remembered module that lost its configuration (or never had one) is ignored.
    const chosen = early && names.includes(early) ? early : (names[0] ?? null);
    if (chosen !== early) {
      generation++;
      module.value = chosen;
    }
    if (chosen === null) return;
    if (chosen !== early) void useSettingsOf(chosen);
    await (chosen === early && firstList ? Promise.all([firstList, earlySettings]) : loadList(chosen, 1));
  }

  /**
   * Shows a module's settings: cached ones at once (a stale entry read again behind them), else
   * read from Zoho (three calls, beside the list). A failed read leaves the rows without actions.
   */
  async function useSettingsOf(name: string): Promise<LockSettings | null> {
    if (!session) return null;
    const source = session.sources.settingsOf(name);
    const cached = source.cached();
    if (cached) show(name, cached.settings);
    if (cached?.fresh) return cached.settings;
    try {
      const read = await source.read();
      show(name, read);
      return read;
    } catch {
      // Zoho still refuses what the profile may not do; the list shows without actions.
      return cached?.settings ?? null;
    }
  }

  function show(name: string, known: LockSettings): void {
    if (module.value !== name) return;
    batch(() => {
      settings.value = { module: name, configuration: known.configuration };
      lockPermission.value = known.lockPermission;
      maxLength.value = known.maxLength;
    });
  }


  function fail(error: unknown): void {
    const unavailable = error instanceof HostError && error.kind === 'unavailable';
    batch(() => {
      startFailure.value = unavailable ? failureOf('overview.unavailable') : { ...describeFailure(error), retryable: true };
      phase.value = unavailable ? 'unavailable' : 'failed';
    });
  }

  /** One page: the search, then each found record's lock, a few at a time. */
  async function loadList(name: string, pageNumber: number): Promise<void> {
    if (!session) return;
    const { search, crm } = session;
    const mine = ++generation;
    batch(() => {
      listPhase.value = 'loading';
      listFailure.value = null;
      page.value = pageNumber;
      loaded.value = [];
      dropped.value = 0;
      unread.value = [];
      requests.value = null;
      selected.value = new Set();
      open.value = null;
      rowFailure.value = null;
    });
    let found: { records: LockedRecord[]; more: boolean };
    try {
      found = await search.findLocked(name, pageNumber, PAGE_SIZE);
    } catch (error) {
      if (mine !== generation) return;
      const refused = error instanceof CrmError && SEARCH_REFUSED_CODES.includes(error.code);
      const malformed = error instanceof HostError && error.kind === 'malformed';
      batch(() => {
        listPhase.value = refused ? 'refused' : 'failed';
        listFailure.value = malformed ? failureOf('overview.error.searchMalformed', true) : describeFailure(error);
      });
      return;
    }
    if (mine !== generation) return;
    hasNextPage.value = found.more;
    const requestsRead = readRequests(found.records, mine);
    let unconfigured = false;
    await inParallel(found.records, MAX_IN_FLIGHT, async (record) => {
      try {
        const lock = await crm.getLock({ module: name, recordId: record.id });
        if (mine !== generation) return;
        if (lock) loaded.value = [...loaded.value, { record, lock }];
        else dropped.value++;
      } catch (error) {
        if (mine !== generation) return;
        // A record deleted since the search: Zoho no longer knows the id.
        if (hasCode(error, 'INVALID_DATA')) dropped.value++;
        else unread.value = [...unread.value, record];
        unconfigured ||= hasCode(error, 'NOT_ALLOWED');
      }
    });
    if (unconfigured) forgetSettings(name, true);
    await requestsRead;
    if (mine === generation) listPhase.value = 'loaded';
  }

  /** The page's open unlock requests, in one call beside the lock reads; a failure leaves the column blank. */
  async function readRequests(records: LockedRecord[], mine: number): Promise<void> {
    if (!session) return;
    try {
      const read = await session.sources.openRequests(records.map((record) => record.id));
      if (mine === generation) requests.value = read;
    } catch {
      // The count is a hint: the rows stand without it.
    }
  }

  /**
   * Zoho contradicted the cached settings (a refusal of what they allowed), or the module list too
   * (a lock read answered as if the module had no configuration): both are forgotten and read again.
   */
  function forgetSettings(name: string, modulesToo: boolean): void {
    void session?.sources.forget(name, modulesToo).then((later) => later && (moduleNames.value = later));
    void useSettingsOf(name);
  }

  async function chooseModule(name: string): Promise<void> {
    if (!moduleNames.value.includes(name) || name === module.value) return;
    module.value = name;
    store.set(STORED_MODULE, name);
    bulk.value = null;
    notice.value = null;
    await Promise.all([loadList(name, 1), useSettingsOf(name)]);
  }

  const rowOf = (recordId: string) => allRows.value.find((row) => row.record.id === recordId) ?? null;
  const replaceLock = (recordId: string, lock: Lock | null) => {
    loaded.value = lock
      ? loaded.value.map((entry) => (entry.record.id === recordId ? { ...entry, lock } : entry))
      : loaded.value.filter((entry) => entry.record.id !== recordId);
    if (!lock) {
      const next = new Set(selected.value);
      next.delete(recordId);
      selected.value = next;
    }
  };

  function openAction(recordId: string, action: RowAction): void {
    const row = rowOf(recordId);
    if (!row || !row.permissions[action].allowed) return;
    preloadRowChanges().catch(() => undefined);
    batch(() => {
      open.value = { recordId, action };
      rowFailure.value = null;
      notice.value = null;
      if (action === 'editReason') draft.set(row.lock.reason ?? '');
    });
  }

  const core: RowChangeCore = {
    session: () => session,
    module,
    open,
    inFlight,
    notice,
    rowFailure,
    lockPermission,
    settingsContradicted: () => module.value && forgetSettings(module.value, false),
    bulk,
    selected,
    allRows,
    draft,
    maxInFlight: MAX_IN_FLIGHT,
    rowOf,
    replaceLock,
  };
  let rowChanges: RowChanges | null = null;
  /**
   * Runs a change once its code is here, at once when it already is (so the controls are disabled
   * in the same turn); code that cannot be fetched is said on the row, and nothing is sent.
   */
  function withRowChanges(recordId: string | null, run: (changes: RowChanges) => Promise<void>): Promise<void> {
    const loaded = rowChangesPart.loaded();
    const ready = rowChanges ?? (loaded && (rowChanges = loaded.createRowChanges(core)));
    if (ready) return run(ready);
    return preloadRowChanges().then(
      (loadedModule) => run((rowChanges ??= loadedModule.createRowChanges(core))),
      () => {
        if (recordId) {
          batch(() => {
            notice.value = null;
            rowFailure.value = { recordId, failure: failureOf('error.partNotLoaded') };
          });
        }
      },
    );
  }

  return {
    phase,
    startFailure,
    t,
    time,
    user,
    modules: moduleNames,
    module,
    listPhase,
    listFailure,
    page,
    hasNextPage,
    dropped,
    unread,
    rows,
    loadedCount: computed(() => loaded.value.length),
    lockers,
    filters,
    selected,
    open,
    inFlight,
    notice,
    rowFailure,
    bulk,
    draft,
    async start() {
      batch(() => {
        phase.value = 'starting';
        startFailure.value = null;
      });
      await start();
    },
    chooseModule,
    goToPage: async (pageNumber) => {
      if (module.value && pageNumber >= 1) await loadList(module.value, pageNumber);
    },
    reload: async () => {
      if (module.value) await loadList(module.value, page.value);
    },
    setFilters(next) {
      filters.value = next;
      store.set(STORED_FILTERS, JSON.stringify(next));
    },
    toggleSelected(recordId) {
      const row = rowOf(recordId);
      if (!row?.selectable) return;
      const next = new Set(selected.value);
      if (next.has(recordId)) next.delete(recordId);
      else next.add(recordId);
      selected.value = next;
      if (next.size > 0) preloadRowChanges().catch(() => undefined);
    },
    openAction,
    closeAction: () => void (open.value = null),
    saveReason: () => withRowChanges(open.value?.recordId ?? null, (changes) => changes.saveReason()),
    unlockRow: () => withRowChanges(open.value?.recordId ?? null, (changes) => changes.unlockRow()),
    unlockSelected: () =>
      withRowChanges(allRows.value.find((row) => selected.value.has(row.record.id) && row.selectable)?.record.id ?? null, (changes) =>
        changes.unlockSelected(),
      ),
    dismissBulk: () => void (bulk.value = null),
    async openRecord(record) {
      try {
        await host.openRecord(record);
      } catch (error) {
        rowFailure.value = { recordId: record.recordId, failure: describeFailure(error) };
      }
    },
  };
}
