import { batch } from '@preact/signals-core';
import { hasCode } from '../crm/crm-error';
import type { LockedRecord, LockedRecordsPage } from '../crm/locked-records';
import { describeLater } from './describe-later';
import { failureOf, sentTogether } from './failure';
import type { Failure } from './failure';
import { inParallel, MAX_IN_FLIGHT } from './in-parallel';
import type { LimitWait } from './limit-wait';
import { createLockedFinder, LockedFieldRefused } from './locked-finder';
import { PAGE_SIZE } from './locked-list';
import type { ListLoading, ListSignals } from './locked-list';
import type { RecentChange } from './recent-changes';
import type { TabCalls } from './tab-calls';
import type { TabSources } from './tab-sources';

export interface ListLoadingDependencies {
  calls: TabCalls;
  sources: TabSources;
  limit: LimitWait;
  /** New rows are shown: what the viewer had selected or opened stays only on the records in `kept`. */
  onReset(kept: ReadonlySet<string>): void;
  /** A lock read answered as if the module had no configuration. */
  onUnconfigured(module: string): void;
}

/** A load's view of whether it is still the latest: answers of an older load (another module or page) are dropped. */
type Latest = () => boolean;

/** The records to read the locks of, and those whose lock may well be gone without a note. */
interface PageToRead {
  records: LockedRecord[];
  quiet: ReadonlySet<string>;
}

/**
 * The found records with this browser's recent changes over them, as a search index that lags
 * would not show them yet: a record just locked here joins the first page (its lock is read like
 * any other), and a record just unlocked here that the search still finds leaves without a note.
 */
function withRecentChanges(found: LockedRecordsPage, recent: RecentChange[], page: number): PageToRead {
  const ids = new Set(found.records.map((record) => record.id));
  const added = page === 1 ? recent.filter((change) => change.locked && !ids.has(change.recordId)).slice(0, PAGE_SIZE) : [];
  return {
    records: [...added.map((change) => ({ id: change.recordId, name: change.name })), ...found.records],
    quiet: new Set([...recent.filter((change) => !change.locked), ...added].map((change) => change.recordId)),
  };
}

async function showFindFailure(list: ListSignals, limit: LimitWait, error: unknown, latest: Latest, retry: () => void): Promise<void> {
  const refused = error instanceof LockedFieldRefused;
  const described = refused ? failureOf('overview.refused') : await describeLater(error);
  if (!latest()) return;
  batch(() => {
    list.phase.value = refused ? 'refused' : 'failed';
    list.failure.value = described;
  });
  limit.waitOut(described, retry);
}

/** What the lock reads met besides the locks: a module without a configuration, and the errors of the unread rows. */
interface ReadOutcome {
  unconfigured: boolean;
  errors: unknown[];
}

/** Each record's lock, a few at a time; the rows show as their locks arrive. */
async function readLocks(list: ListSignals, calls: TabCalls, module: string, { records, quiet }: PageToRead, latest: Latest): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { unconfigured: false, errors: [] };
  await inParallel(records, MAX_IN_FLIGHT, async (record) => {
    try {
      const lock = await calls.locks.getLock({ module, recordId: record.id });
      if (!latest()) return;
      if (lock) list.loaded.value = [...list.loaded.value, { record, lock }];
      else if (!quiet.has(record.id)) list.dropped.value++;
    } catch (error) {
      if (!latest()) return;
      // A record deleted since the search: Zoho no longer knows the id.
      if (hasCode(error, 'INVALID_DATA')) list.dropped.value++;
      else {
        list.unread.value = [...list.unread.value, record];
        outcome.errors.push(error);
      }
      outcome.unconfigured ||= hasCode(error, 'NOT_ALLOWED');
    }
  });
  return outcome;
}

/** Zoho's API limit among the lock reads' failures, said as too many at once: they went three at a time. */
async function limitAmong(errors: unknown[]): Promise<Failure | null> {
  for (const error of errors) {
    const described = await describeLater(error);
    if (described.waitSeconds) return sentTogether(described);
  }
  return null;
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

/** Empties the rows for the next ones. */
function clearRows(list: ListSignals): void {
  list.loaded.value = [];
  list.dropped.value = 0;
  list.unread.value = [];
  list.requests.value = null;
}

/**
 * Loads a page of a module's locked records: the chain that finds them (search, COQL), this
 * browser's recent changes over it, then each record's lock, a few at a time, with the page's open
 * unlock requests beside them. Loading the same page again keeps its rows until Zoho has answered,
 * so a failure leaves the last known list on screen. Part of the code the tab fetches as it starts;
 * an answer of an older load (another module or page) is dropped.
 */
export function createListLoading({ calls, sources, limit, onReset, onUnconfigured }: ListLoadingDependencies): ListLoading {
  const finder = createLockedFinder({ calls, misses: sources.searchMisses });
  let generation = 0;
  let shown: { module: string; page: number } | null = null;

  async function load(list: ListSignals, module: string, pageNumber: number): Promise<void> {
    const mine = ++generation;
    const latest = () => mine === generation;
    const again = shown?.module === module && shown.page === pageNumber;
    batch(() => {
      list.phase.value = 'loading';
      list.failure.value = null;
      list.page.value = pageNumber;
      if (again) return;
      shown = null;
      clearRows(list);
      onReset(new Set());
    });
    let found: LockedRecordsPage;
    try {
      found = await finder.find(module, pageNumber, PAGE_SIZE);
    } catch (error) {
      if (latest()) await showFindFailure(list, limit, error, latest, () => void load(list, module, pageNumber));
      return;
    }
    if (!latest()) return;
    const toRead = withRecentChanges(found, sources.recent.of(module), pageNumber);
    shown = { module, page: pageNumber };
    batch(() => {
      clearRows(list);
      list.hasNextPage.value = found.more;
      onReset(new Set(toRead.records.map((record) => record.id)));
    });
    const [read] = await Promise.all([readLocks(list, calls, module, toRead, latest), readRequests(list, sources, toRead.records, latest)]);
    if (read.unconfigured) onUnconfigured(module);
    const limited = await limitAmong(read.errors);
    if (!latest()) return;
    batch(() => {
      list.phase.value = 'loaded';
      list.failure.value = limited;
    });
    limit.waitOut(limited, () => void load(list, module, pageNumber));
  }

  return { load };
}
