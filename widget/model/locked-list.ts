import { batch, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import { CrmError, hasCode } from '../crm/crm-error';
import { SEARCH_REFUSED_CODES } from '../crm/locked-records';
import type { LockedRecord } from '../crm/locked-records';
import type { Lock } from '../crm/types';
import { HostError } from '../host/host';
import { describeLater } from './describe-later';
import { failureOf } from './failure';
import type { Failure } from './failure';
import { inParallel, MAX_IN_FLIGHT } from './in-parallel';
import type { LimitWait } from './limit-wait';
import type { TabCalls } from './tab-calls';
import type { OpenRequestCount, TabSources } from './tab-sources';

/** Records per screen: one search call, then one lock read per record. */
export const PAGE_SIZE = 20;

/** loading: the search or its lock reads run; refused: Zoho will not search on Locked__s. */
export type ListPhase = 'idle' | 'loading' | 'loaded' | 'refused' | 'failed';

/** A found record with the lock read for it. */
export interface LoadedLock {
  record: LockedRecord;
  lock: Lock;
}

/** One page of a module's locked records, as the tab shows it. */
export interface LockedListView {
  phase: ReadonlySignal<ListPhase>;
  failure: ReadonlySignal<Failure | null>;
  /** 1-based page of the search. */
  page: ReadonlySignal<number>;
  hasNextPage: ReadonlySignal<boolean>;
  /** Records found but unlocked or deleted before their lock was read: dropped with a note. */
  dropped: ReadonlySignal<number>;
  /** Records whose lock could not be read (not dropped: they may still be locked). */
  unread: ReadonlySignal<LockedRecord[]>;
  loaded: ReadonlySignal<LoadedLock[]>;
  /** Counts a visible record's open requests on its lock; null until read, or when the read failed. */
  requests: ReadonlySignal<OpenRequestCount | null>;
}

/** One page of a module's locked records, as the tab loaded it. */
export interface LockedList extends LockedListView {
  /** Loads a page of `module`; an answer of an older load (another module or page) is dropped. */
  load(module: string, page: number): Promise<void>;
  /** Shows a row's lock as now known; null removes the row. */
  replaceLock(recordId: string, lock: Lock | null): void;
}

export interface LockedListDependencies {
  calls: () => TabCalls | null;
  sources: () => TabSources | null;
  limit: LimitWait;
  /** A new load starts: what the viewer had selected or opened on the old one goes. */
  onReset(): void;
  /** A lock read answered as if the module had no configuration. */
  onUnconfigured(module: string): void;
}

export function createLockedList(dependencies: LockedListDependencies): LockedList {
  const phase = signal<ListPhase>('idle');
  const failure = signal<Failure | null>(null);
  const page = signal(1);
  const hasNextPage = signal(false);
  const dropped = signal(0);
  const unread = signal<LockedRecord[]>([]);
  const loaded = signal<LoadedLock[]>([]);
  const requests = signal<OpenRequestCount | null>(null);
  let generation = 0;

  function begin(pageNumber: number): void {
    batch(() => {
      phase.value = 'loading';
      failure.value = null;
      page.value = pageNumber;
      loaded.value = [];
      dropped.value = 0;
      unread.value = [];
      requests.value = null;
      dependencies.onReset();
    });
  }

  async function searchFailed(error: unknown, mine: number, retry: () => void): Promise<void> {
    const refused = error instanceof CrmError && SEARCH_REFUSED_CODES.includes(error.code);
    const malformed = error instanceof HostError && error.kind === 'malformed';
    const described = malformed ? failureOf('overview.error.searchMalformed', true) : await describeLater(error);
    if (mine !== generation) return;
    batch(() => {
      phase.value = refused ? 'refused' : 'failed';
      failure.value = described;
    });
    dependencies.limit.waitOut(described, retry);
  }

  /** Each found record's lock, a few at a time; the rows show as their locks arrive. */
  async function readLocks(module: string, records: LockedRecord[], mine: number): Promise<void> {
    const calls = dependencies.calls();
    if (!calls) return;
    let unconfigured = false;
    await inParallel(records, MAX_IN_FLIGHT, async (record) => {
      try {
        const lock = await calls.locks.getLock({ module, recordId: record.id });
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
    if (unconfigured) dependencies.onUnconfigured(module);
  }

  /** The page's open unlock requests, in one call beside the lock reads; a failure leaves the column blank. */
  async function readRequests(records: LockedRecord[], mine: number): Promise<void> {
    try {
      const counted = await dependencies.sources()?.openRequests(records.map((record) => record.id));
      if (counted && mine === generation) requests.value = counted;
    } catch {
      // The count is a hint: the rows stand without it.
    }
  }

  async function load(module: string, pageNumber: number): Promise<void> {
    const calls = dependencies.calls();
    if (!calls) return;
    const mine = ++generation;
    begin(pageNumber);
    let found: { records: LockedRecord[]; more: boolean };
    try {
      found = await calls.search.findLocked(module, pageNumber, PAGE_SIZE);
    } catch (error) {
      if (mine === generation) await searchFailed(error, mine, () => void load(module, pageNumber));
      return;
    }
    if (mine !== generation) return;
    hasNextPage.value = found.more;
    await Promise.all([readLocks(module, found.records, mine), readRequests(found.records, mine)]);
    if (mine === generation) phase.value = 'loaded';
  }

  return {
    phase,
    failure,
    page,
    hasNextPage,
    dropped,
    unread,
    loaded,
    requests,
    load,
    replaceLock(recordId, lock) {
      loaded.value = lock
        ? loaded.value.map((entry) => (entry.record.id === recordId ? { ...entry, lock } : entry))
        : loaded.value.filter((entry) => entry.record.id !== recordId);
    },
  };
}
