import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { checkId, crmUrl } from './crm-url';
import { parseRequestText, UNLOCK_REQUEST_SUBJECT } from './unlock-request-text';
import { readAnswer } from './zoho-errors';

/** Counting the open unlock requests on a page of records, as the Web Tab shows them. */
export interface OpenRequestCalls {
  /**
   * The open unlock requests on up to 50 records, in one COQL call over the per-user connection:
   * tasks related to them, with the request Subject and Description marker, not closed (no
   * Closed_Time, whatever the org calls its completed status) and not answered in their description.
   * `more` says Zoho held back some past the first 200.
   */
  readOpenRequests(recordIds: readonly string[]): Promise<{ requests: OpenRequest[]; more: boolean }>;
}

const idOnly = z.object({ id: z.string() });
/** COQL's cap on the values of `in` (Zoho's v7 page; an older error text says 50, so stay under both). */
const OPEN_REQUESTS_MAX_RECORDS = 50;
/** Rows one COQL call returns at one credit. */
const OPEN_REQUESTS_LIMIT = 200;

/** An open unlock request on one record, as the Web Tab counts them. */
export interface OpenRequest {
  recordId: string;
  /** ISO 8601 with offset: requests older than the record's current lock belong to an earlier lock. */
  askedAt: string;
}

const openRequestSchema = z.object({ id: z.string(), What_Id: z.nullish(idOnly), Description: z.nullish(z.string()), Created_Time: z.string() });
const openRequestsAnswer = z.object({ data: z.array(openRequestSchema), info: z.object({ more_records: z.boolean() }) });

/** @example openRequestCalls({ host, apiDomain }).readOpenRequests(['4150868000000470001']) */
export function openRequestCalls({ host, apiDomain }: CrmOptions): OpenRequestCalls {
  return { readOpenRequests: (recordIds) => readOpenRequests(host, apiDomain, recordIds) };
}

async function readOpenRequests(host: CrmOptions['host'], apiDomain: string, recordIds: readonly string[]): Promise<{ requests: OpenRequest[]; more: boolean }> {
  if (recordIds.length === 0) return { requests: [], more: false };
  if (recordIds.length > OPEN_REQUESTS_MAX_RECORDS) throw new Error(`At most ${OPEN_REQUESTS_MAX_RECORDS} records per call`);
  // checkId leaves only digits, so no id can break out of its quoted literal.
  const ids = recordIds.map((id) => `'${checkId(id)}'`).join(', ');
  const query =
    `select id, What_Id, Description, Created_Time from Tasks where (What_Id in (${ids}) and ` +
    `(Subject like '${UNLOCK_REQUEST_SUBJECT.trim()}%' and Closed_Time is null)) limit ${OPEN_REQUESTS_LIMIT}`;
  const request = { connection: 'user', method: 'POST', url: crmUrl(apiDomain, ['coql']), body: { select_query: query } } as const;
  const answer = await host.request(request);
  if (answer.body === undefined) return { requests: [], more: false };
  const parsed = readAnswer(answer.body, openRequestsAnswer, request);
  // An answer in the description closes a request in an org whose Status has no completed value.
  const requests = parsed.data.flatMap((task) =>
    task.What_Id && parseRequestText(task.Description ?? '')?.answer === null ? [{ recordId: task.What_Id.id, askedAt: task.Created_Time }] : [],
  );
  return { requests, more: parsed.info.more_records };
}

