/**
 * The harness pages' own reads of a module's records, as the CRM's pages read them: in the
 * administrator's session, with no API credit spent (the reader is unmetered). Answers are parsed.
 */
import { z } from 'zod';
import type { CrmReader } from './crm-reader';
import { ADMIN } from './session';

const listSchema = z.object({
  data: z.array(z.looseObject({ id: z.string() })),
  info: z.looseObject({ more_records: z.boolean() }).optional(),
});

export type ListedRecord = z.infer<typeof listSchema>['data'][number];

/** One page of a module's records with the given fields; none (not an error) when the module has no records. */
export async function readRecords(
  reader: CrmReader,
  module: string,
  fields: readonly string[],
  { perPage, page = 1 }: { perPage: number; page?: number },
): Promise<{ records: ListedRecord[]; moreRecords: boolean }> {
  const query = new URLSearchParams({ fields: fields.join(','), per_page: String(perPage), page: String(page) });
  const answer = listSchema.safeParse((await reader.get(ADMIN, `/crm/v8/${module}?${query}`)).body);
  return answer.success ? { records: answer.data.data, moreRecords: answer.data.info?.more_records ?? false } : { records: [], moreRecords: false };
}

/** One record with all its fields, or undefined when it does not exist. */
export async function readRecord(reader: CrmReader, module: string, id: string): Promise<ListedRecord | undefined> {
  const answer = listSchema.safeParse((await reader.get(ADMIN, `/crm/v8/${module}/${id}`)).body);
  return answer.success ? answer.data.data[0] : undefined;
}

/** A record's stage or status, where Zoho's modules keep it (Deals: Stage; Tasks, Cases: Status). */
export function stateOf(record: Record<string, unknown>): string | null {
  const state = record.Stage ?? record.Status;
  return typeof state === 'string' ? state : null;
}
