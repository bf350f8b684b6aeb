import { batch } from '@preact/signals-core';
import { CrmError, hasCode } from '../crm/crm-error';
import { SEARCH_REFUSED_CODES } from '../crm/locked-records';
import type { LockedRecord } from '../crm/locked-records';
import { HostError } from '../host/host';
import { describeLater } from './describe-later';
import { failureOf } from './failure';
import { inParallel, MAX_IN_FLIGHT } from './in-parallel';
import type { LimitWait } from './limit-wait';
import { PAGE_SIZE } from './locked-list';
import type { ListLoading, ListSignals } from './locked-list';
import type { TabCalls } from './tab-calls';
import type { TabSources } from './tab-sources';

export interface ListLoadingDependencies {
  calls: TabCalls;
  sources: TabSources;
  limit: LimitWait;
  /** A new load starts: what the viewer had selected or opened on the old one goes. */
  onReset(): void;
  /** A lock read answered as if the module had no configuration. */
  onUnconfigured(module: string): void;
}

/** A load's view of whether it is still the latest: answers of an older load (another module or page) are dropped. */
type Latest = () => boolean;

async function showSearchFailure(list: ListSignals, limit: LimitWait, error: unknown, latest: Latest, retry: () => void): Promise<void> {
  const refused = error instanceof CrmError && SEARCH_REFUSED_CODES.includes(error.code);
  const malformed = error instanceof HostError && error.kind === 'malformed';
  const described = malformed ? failureOf('overview.error.searchMalformed', true) : await describeLater(error);
  if (!latest()) return;
  batch(() => {
    list.phase.value = refused ? 'refused' : 'failed';
    list.failure.value = described;
  });
  limit.waitOut(described, retry);
}

/** Each found record's lock, a few at a time; the rows show as their locks arrive. Resolves whether any read said the module has no configuration. */
async function readLocks(list: ListSignals, calls: TabCalls, module: string, records: LockedRecord[], latest: Latest): Promise<boolean> {
  let unconfigured = false;
  await inParallel(records, MAX_IN_FLIGHT, async (record) => {
    try {
      const lock = await calls.locks.getLock({ module, recordId: record.id });
      if (!latest()) return;
      if (lock) list.loaded.value = [...list.loaded.value, { record, lock }];
      else list.dropped.value++;
    } catch (error) {
      if (!latest()) return;
      // A record deleted since the search: Zoho no longer knows the id.
      if (hasCode(error, 'INVALID_DATA')) list.dropped.value++;
      else list.unread.value = [...list.unread.value, record];
      unconfigured ||= hasCode(error, 'NOT_ALLOWED');
    }
  });
  return unconfigured;
}

/** The page's open unlock requests, in one call beside the lock reads; a failure leaves the column blank. */
async function readRequests(list: ListSignals, sources: TabSources, records: LockedRecord[], latest: Latest): Promise<void> {
  try {
    const counted = await sources.openRequests(records.map((record) => record.id));
    if (counted && latest()) list.requests.value = counted;
  } catch {
    // The count is a hint: the rows stand without it.
  }
}

/**
 * Loads a page of a module's locked records: the search, then each found record's lock, a few at
 * a time, with the page's open unlock requests beside them. Part of the code the tab fetches as it
 * starts; an answer of an older load (another module or page) is dropped.
 */
export function createListLoading({ calls, sources, limit, onReset, onUnconfigured }: ListLoadingDependencies): ListLoading {
  let generation = 0;

  async function load(list: ListSignals, module: string, pageNumber: number): Promise<void> {
    const mine = ++generation;
    const latest = () => mine === generation;
    batch(() => {
      list.phase.value = 'loading';
      list.failure.value = null;
      list.page.value = pageNumber;
      list.loaded.value = [];
      list.dropped.value = 0;
      list.unread.value = [];
      list.requests.value = null;
      onReset();
    });
    let found: { records: LockedRecord[]; more: boolean };
    try {
      found = await calls.search.findLocked(module, pageNumber, PAGE_SIZE);
    } catch (error) {
      if (latest()) await showSearchFailure(list, limit, error, latest, () => void load(list, module, pageNumber));
      return;
    }
    if (!latest()) return;
    list.hasNextPage.value = found.more;
    const [unconfigured] = await Promise.all([readLocks(list, calls, module, found.records, latest), readRequests(list, sources, found.records, latest)]);
    if (unconfigured) onUnconfigured(module);
    if (latest()) list.phase.value = 'loaded';
  }

  return { load };
}
