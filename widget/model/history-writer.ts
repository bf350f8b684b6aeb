import { signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { HistoryNote, NoteCalls } from '../crm/notes';
import type { RecordRef } from '../crm/types';
import { historyLine } from './history-line';
import type { HistoryEvent } from './history-line';

export interface HistoryWriter {
  /** Events whose note could not be written: the change stands, only its note is missing. */
  missed: ReadonlySignal<HistoryEvent[]>;
  writing: ReadonlySignal<boolean>;
  /** Writes the event's note; a failure lands in `missed`, never undoes or repeats the change. */
  write(event: HistoryEvent): Promise<void>;
  /** Writes the missed notes again, and only them. */
  writeMissed(): Promise<void>;
  /** Called with each note written, so an open history shows it without reading again. */
  onWritten(listener: (note: HistoryNote) => void): void;
}

export interface HistoryWriterDependencies {
  notes: () => Promise<NoteCalls>;
  record: RecordRef;
  author: { id: string; name: string };
  now: () => Date;
}

/** Writes the lock history as notes on the record, after Zoho confirmed each change. */
export function createHistoryWriter({ notes, record, author, now }: HistoryWriterDependencies): HistoryWriter {
  const missed = signal<HistoryEvent[]>([]);
  const writing = signal(false);
  const listeners: ((note: HistoryNote) => void)[] = [];

  async function send(event: HistoryEvent): Promise<boolean> {
    const content = historyLine(event);
    try {
      await (await notes()).addHistoryNote(record, content);
    } catch {
      // Reported through `missed`, with a way to write it again.
      return false;
    }
    const note = { id: `written-${now().getTime()}`, content, createdAt: now().toISOString(), createdBy: author };
    listeners.forEach((listener) => listener(note));
    return true;
  }

  return {
    missed,
    writing,
    async write(event) {
      if (!(await send(event))) missed.value = [...missed.value, event];
    },
    async writeMissed() {
      if (writing.value) return;
      writing.value = true;
      const pending = missed.value;
      missed.value = [];
      const failed: HistoryEvent[] = [];
      for (const event of pending) if (!(await send(event))) failed.push(event);
      missed.value = [...failed, ...missed.value];
      writing.value = false;
    },
    onWritten: (listener) => void listeners.push(listener),
  };
}
