import { signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { HistoryNote, NoteCalls } from '../crm/notes';
import type { RecordRef } from '../crm/types';
import { historyLine } from './history-line';
import type { HistoryEvent } from './history-line';

/** A history note to write: what happened, on which record. */
export interface HistoryEntry {
  record: RecordRef;
  event: HistoryEvent;
}

export interface HistoryWriter {
  /** Notes that could not be written: the change stands, only its note is missing. */
  missed: ReadonlySignal<HistoryEntry[]>;
  writing: ReadonlySignal<boolean>;
  /** Writes the event's note on the record; a failure lands in `missed` (false), never undoes or repeats the change. */
  write(record: RecordRef, event: HistoryEvent): Promise<boolean>;
  /** Writes the missed notes again, and only them. */
  writeMissed(): Promise<void>;
  /** Called with each note written and its record, so an open history shows it without reading again. */
  onWritten(listener: (note: HistoryNote, record: RecordRef) => void): void;
}

export interface HistoryWriterDependencies {
  notes: () => Promise<NoteCalls>;
  author: { id: string; name: string };
  now: () => Date;
}

/** Writes the lock history as notes on the records, after Zoho confirmed each change. */
export function createHistoryWriter({ notes, author, now }: HistoryWriterDependencies): HistoryWriter {
  const missed = signal<HistoryEntry[]>([]);
  const writing = signal(false);
  const listeners: ((note: HistoryNote, record: RecordRef) => void)[] = [];

  async function send({ record, event }: HistoryEntry): Promise<boolean> {
    const content = historyLine(event);
    try {
      await (await notes()).addHistoryNote(record, content);
    } catch {
      // Reported through `missed`, with a way to write it again.
      return false;
    }
    const note = { id: `written-${now().getTime()}`, content, createdAt: now().toISOString(), createdBy: author };
    listeners.forEach((listener) => listener(note, record));
    return true;
  }

  return {
    missed,
    writing,
    async write(record, event) {
      const written = await send({ record, event });
      if (!written) missed.value = [...missed.value, { record, event }];
      return written;
    },
    async writeMissed() {
      if (writing.value) return;
      writing.value = true;
      const pending = missed.value;
      missed.value = [];
      const failed: HistoryEntry[] = [];
      for (const entry of pending) if (!(await send(entry))) failed.push(entry);
      missed.value = [...failed, ...missed.value];
      writing.value = false;
    },
    onWritten: (listener) => void listeners.push(listener),
  };
}
