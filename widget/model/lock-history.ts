import { batch, computed, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { HistoryNote, NoteCalls } from '../crm/notes';
import type { RecordRef } from '../crm/types';
import { describeFailure } from './describe-failure';
import type { Failure } from './failure';

/** Entries shown at a time; "Show older" shows the next ones. */
const HISTORY_PAGE_SIZE = 10;
/**
 * Notes read per call: Zoho's largest page, at the one credit a page of 10 costs. The panel sorts
 * what it read itself, since Zoho may ignore the order asked for (the v8 get-notes page lists no
 * `sort_by`), and a page this large usually holds a record's whole history.
 */
const HISTORY_READ_SIZE = 200;
/** Zoho numbers pages only up to its 2,000th note (past it, a page token): as far as an unsorted history is read. */
const MOST_PAGES = 2000 / HISTORY_READ_SIZE;

export interface LockHistory {
  /** Collapsed until the viewer opens it; nothing is read before that. */
  expanded: ReadonlySignal<boolean>;
  /** The entries shown, newest first whatever order Zoho gave them in. */
  entries: ReadonlySignal<HistoryNote[]>;
  loading: ReadonlySignal<boolean>;
  /** Older entries remain: read and not shown yet, or still at Zoho. */
  more: ReadonlySignal<boolean>;
  failure: ReadonlySignal<Failure | null>;
  /** Opens or closes the section; the first opening reads the newest notes. */
  toggle(): Promise<void>;
  /** Shows the next, older entries, reading more from Zoho only when those read are all shown. */
  showOlder(): Promise<void>;
  /** Shows a note just written at the top, if the history has been read. */
  add(note: HistoryNote): void;
}

const newestFirst = (a: HistoryNote, b: HistoryNote) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

export function createLockHistory({ notes, record }: { notes: () => Promise<NoteCalls>; record: RecordRef }): LockHistory {
  const expanded = signal(false);
  const read = signal<HistoryNote[]>([]);
  const shown = signal(HISTORY_PAGE_SIZE);
  const loading = signal(false);
  const atZoho = signal(false);
  const failure = signal<Failure | null>(null);
  let pagesRead = 0;
  let unsorted = false;

  const merge = (found: HistoryNote[]) => {
    const known = new Set(read.value.map((note) => note.content + note.createdAt));
    read.value = [...read.value, ...found.filter((note) => !known.has(note.content + note.createdAt))].sort(newestFirst);
  };

  /**
   * Reads the next page; once Zoho is seen to ignore the order, every page up to its 2,000th note,
   * since the newest notes may be on the last (one credit per 200 notes, only on such an org).
   */
  async function readMore(): Promise<void> {
    if (loading.value) return;
    batch(() => {
      loading.value = true;
      failure.value = null;
    });
    try {
      do {
        const page = await (await notes()).readHistory(record, pagesRead + 1, HISTORY_READ_SIZE);
        pagesRead++;
        unsorted ||= page.unsorted;
        batch(() => {
          merge(page.notes);
          atZoho.value = page.more && pagesRead < MOST_PAGES;
        });
      } while (unsorted && atZoho.value);
    } catch (error) {
      failure.value = describeFailure(error);
    } finally {
      loading.value = false;
    }
  }

  return {
    expanded,
    entries: computed(() => read.value.slice(0, shown.value)),
    loading,
    more: computed(() => shown.value < read.value.length || atZoho.value),
    failure,
    async toggle() {
      expanded.value = !expanded.value;
      if (expanded.value && pagesRead === 0) await readMore();
    },
    async showOlder() {
      const first = pagesRead === 0;
      if (first || (shown.value + HISTORY_PAGE_SIZE > read.value.length && atZoho.value)) await readMore();
      if (!first && !failure.value) shown.value += HISTORY_PAGE_SIZE;
    },
    add(note) {
      if (pagesRead === 0) return;
      batch(() => {
        read.value = [note, ...read.value];
        shown.value++;
      });
    },
  };
}
