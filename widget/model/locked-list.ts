import { signal } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { LockedRecord } from '../crm/locked-records';
import type { Lock } from '../crm/types';
import type { Failure } from './failure';
import type { OpenRequestCount } from './tab-sources';

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

type Writable<T> = { [K in keyof T]: T[K] extends ReadonlySignal<infer V> ? Signal<V> : T[K] };
/** The list's signals, as its loading writes them. */
export type ListSignals = Writable<LockedListView>;

/**
 * One page of a module's locked records. Its loading comes with the code the tab fetches as it
 * starts (list-loading.ts): no list can be loaded before the tab has started.
 */
export function createLockedList(loading: () => ListLoading | null): LockedList {
  const list: ListSignals = {
    phase: signal<ListPhase>('idle'),
    failure: signal<Failure | null>(null),
    page: signal(1),
    hasNextPage: signal(false),
    dropped: signal(0),
    unread: signal<LockedRecord[]>([]),
    loaded: signal<LoadedLock[]>([]),
    requests: signal<OpenRequestCount | null>(null),
  };
  return {
    ...list,
    load: async (module, page) => loading()?.load(list, module, page),
    replaceLock(recordId, lock) {
      list.loaded.value = lock
        ? list.loaded.value.map((entry) => (entry.record.id === recordId ? { ...entry, lock } : entry))
        : list.loaded.value.filter((entry) => entry.record.id !== recordId);
    },
  };
}

/** How a page of the list is loaded; made from the code fetched as the tab starts. */
export interface ListLoading {
  load(list: ListSignals, module: string, page: number): Promise<void>;
}
