import { batch, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { HistoryNote, NoteCalls } from '../crm/notes';
import type { RecordRef } from '../crm/types';
import { describeFailure } from './describe-failure';
import type { Failure } from './failure';

/** Notes read per page: a page of Zoho's notes costs one credit whatever its size up to 200. */
const HISTORY_PAGE_SIZE = 10;

export interface LockHistory {
  /** Collapsed until the viewer opens it; nothing is read before that. */
  expanded: ReadonlySignal<boolean>;
  entries: ReadonlySignal<HistoryNote[]>;
  loading: ReadonlySignal<boolean>;
  /** Older notes remain to be read. */
  more: ReadonlySignal<boolean>;
  failure: ReadonlySignal<Failure | null>;
  /** Opens or closes the section; the first opening reads the newest page. */
  toggle(): Promise<void>;
  /** Reads the next, older page. */
  showOlder(): Promise<void>;
  /** Shows a note just written at the top, if the history has been read. */
  add(note: HistoryNote): void;
}

export function createLockHistory({ notes, record }: { notes: () => Promise<NoteCalls>; record: RecordRef }): LockHistory {
  const expanded = signal(false);
  const entries = signal<HistoryNote[]>([]);
  const loading = signal(false);
  const more = signal(false);
  const failure = signal<Failure | null>(null);
  let pagesRead = 0;

  async function readPage(page: number): Promise<void> {
    if (loading.value) return;
    batch(() => {
      loading.value = true;
      failure.value = null;
    });
    try {
      const answer = await (await notes()).readHistory(record, page, HISTORY_PAGE_SIZE);
      pagesRead = page;
      batch(() => {
        const known = new Set(entries.value.map((note) => note.content + note.createdAt));
        entries.value = [...entries.value, ...answer.notes.filter((note) => !known.has(note.content + note.createdAt))];
        more.value = answer.more;
      });
    } catch (error) {
      failure.value = describeFailure(error);
    } finally {
      loading.value = false;
    }
  }

  return {
    expanded,
    entries,
    loading,
    more,
    failure,
    async toggle() {
      expanded.value = !expanded.value;
      if (expanded.value && pagesRead === 0) await readPage(1);
    },
    showOlder: () => readPage(pagesRead + 1),
    add(note) {
      if (pagesRead > 0) entries.value = [note, ...entries.value];
    },
  };
}
