import * as z from '../host/zod';
import { HostError, type HostRequest } from '../host/host';
import { CrmError, type ZohoCall } from './crm-error';

/** Zoho's `{ id, name }` reference to a user, profile, rule or custom button. */
export const idName = z.object({ id: z.string(), name: z.string() });

/** Zoho's `{ data: [item] }` envelope of record answers. */
export const dataOf = <T extends z.core.SomeType>(item: T) => z.object({ data: z.array(item) });

const zohoErrorSchema = z.object({
  code: z.string(),
  message: z.optional(z.string()),
  status: z.string(),
  details: z.nullish(z.looseObject({})),
});

/**
 * Zoho answered in a shape no schema of this version accepts. It names the call and Zoho's code,
 * when the answer carries one, so the viewer can report both.
 */
export class AnswerNotUnderstood extends HostError {
  constructor(
    /** e.g. "GET /crm/v8/Deals/{id}/Locking_Information__s" */
    readonly call: string,
    readonly code: string | null,
    answer: unknown,
  ) {
    super('malformed', `Unexpected answer to ${call}`, answer);
  }
}

/** The call as a report names it: the path with every id as `{id}`, without the query. */
export function zohoCall({ connection, method, url }: HostRequest): ZohoCall {
  return { connection, method, path: new URL(url).pathname.replace(/\/\d+(?=\/|$)/g, '/{id}') };
}

/** `call` as one line: "GET /crm/v8/Deals/{id}/Locking_Information__s". */
export const callLine = ({ method, path }: ZohoCall): string => `${method} ${path}`;

/**
 * Zoho's error envelope in an API answer, as a CrmError: top-level `{code, details, message,
 * status:"error"}`, or item-level inside an array such as `{data:[{…, status:"error"}]}`.
 * Null when the answer is not an error.
 */
function zohoErrorOf(body: unknown, call: AnsweredCall): CrmError | null {
  for (const item of itemsOf(body)) {
    const parsed = zohoErrorSchema.safeParse(item);
    if (parsed.success && parsed.data.status === 'error') {
      const { code, message, details } = parsed.data;
      // The call is named only for an error: a success never needs its path worked out.
      return new CrmError(code, message ?? code, details ?? {}, null, typeof call === 'string' ? null : zohoCall(call));
    }
  }
  return null;
}

/** The answer and the items of its lists: where Zoho puts a `code`. */
function itemsOf(body: unknown): unknown[] {
  const items = [body];
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    for (const value of Object.values(body)) if (Array.isArray(value)) items.push(...value);
  }
  return items;
}

/** The first `code` Zoho put in an answer, to report beside the call. */
const codeIn = (body: unknown): string | null => {
  const found = itemsOf(body).find((item): item is { code: string } => typeof (item as { code?: unknown } | null)?.code === 'string');
  return found?.code ?? null;
};

/** A schema-like parser: zod mini schemas satisfy it. */
interface AnswerSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** The request an answer came to, or a name for it where the request is not at hand. */
export type AnsweredCall = HostRequest | string;

const labelOf = (call: AnsweredCall) => (typeof call === 'string' ? call : callLine(zohoCall(call)));

/**
 * The answer parsed with `schema`; rejects with CrmError when Zoho answered with an error, and with
 * AnswerNotUnderstood (a HostError 'malformed') when it is neither a valid success nor a Zoho error.
 */
export function readAnswer<T>(body: unknown, schema: AnswerSchema<T>, call: AnsweredCall): T {
  const error = zohoErrorOf(body, call);
  if (error) throw error;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AnswerNotUnderstood(labelOf(call), codeIn(body), body);
  return parsed.data;
}

/** The first item of a list Zoho answers with one item; AnswerNotUnderstood when the list is empty. */
export function firstItem<T>(items: T[], call: AnsweredCall): T {
  const [first] = items;
  if (first === undefined) throw new AnswerNotUnderstood(labelOf(call), null, items);
  return first;
}
