import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { checkId, checkModule, crmUrl } from './crm-url';
import type { RecordRef } from './types';
import { dataOf, firstItem, idName, readAnswer } from './zoho-errors';

/** The fixed title of the panel's notes: how its history is told apart from other notes. */
const HISTORY_NOTE_TITLE = 'Record Lock';

/** One note of the record's lock history. */
export interface HistoryNote {
  id: string;
  content: string;
  /** ISO 8601 with offset. */
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

export interface HistoryPage {
  /** The panel's own notes of the page, as Zoho gave them. */
  notes: HistoryNote[];
  more: boolean;
  /**
   * Zoho did not give the page newest first: it ignores `sort_by` (its v8 get-notes page documents
   * none) and gives its default order, oldest first, or the viewer's own. A later page may hold newer notes.
   */
  unsorted: boolean;
}

export interface NoteCalls {
  /** Adds one history note to the record, under HISTORY_NOTE_TITLE. */
  addHistoryNote(record: RecordRef, content: string): Promise<void>;
  /** One page of the record's notes, asked newest first, keeping only the panel's own. */
  readHistory(record: RecordRef, page: number, perPage: number): Promise<HistoryPage>;
}

const noteSchema = z.object({
  id: z.string(),
  Note_Title: z.nullish(z.string()),
  Note_Content: z.nullish(z.string()),
  Created_Time: z.string(),
  Created_By: z.nullish(idName),
});

const notesAnswer = z.object({ data: z.array(noteSchema), info: z.nullish(z.object({ more_records: z.nullish(z.boolean()) })) });
const createdAnswer = dataOf(z.object({ details: z.object({ id: z.string() }) }));

/** Zoho's Notes calls for the lock history, over the per-user connection so each note names its author. */
export function noteCalls({ host, apiDomain }: CrmOptions): NoteCalls {
  const notesUrl = ({ module, recordId }: RecordRef, query: Record<string, string> = {}) =>
    crmUrl(apiDomain, [checkModule(module), checkId(recordId), 'Notes'], query);
  return {
    async addHistoryNote(record, content) {
      const note = {
        Note_Title: HISTORY_NOTE_TITLE,
        Note_Content: content,
        Parent_Id: { module: { api_name: record.module }, id: record.recordId },
      };
      const request = { connection: 'user', method: 'POST', url: notesUrl(record), body: { data: [note] } } as const;
      const answer = await host.request(request);
      firstItem(readAnswer(answer.body, createdAnswer, request).data, request);
    },
    async readHistory(record, page, perPage) {
      const url = notesUrl(record, {
        fields: 'Note_Title,Note_Content,Created_Time,Created_By',
        sort_by: 'Created_Time',
        sort_order: 'desc',
        per_page: String(perPage),
        page: String(page),
      });
      const request = { connection: 'user', method: 'GET', url } as const;
      const answer = await host.request(request);
      // 204: no notes at all.
      if (answer.body === undefined) return { notes: [], more: false, unsorted: false };
      const parsed = readAnswer(answer.body, notesAnswer, request);
      const times = parsed.data.map((note) => Date.parse(note.Created_Time));
      const notes = parsed.data
        .filter((note) => note.Note_Title === HISTORY_NOTE_TITLE && note.Note_Content)
        .map((note) => ({ id: note.id, content: note.Note_Content ?? '', createdAt: note.Created_Time, createdBy: note.Created_By ?? null }));
      return { notes, more: parsed.info?.more_records === true, unsorted: times.some((time, index) => index > 0 && time > (times[index - 1] ?? time)) };
    },
  };
}
