import * as z from '../host/zod';
import { HostError } from '../host/host';
import { CrmError } from './crm-error';

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
 * Zoho's error envelope in an API answer, as a CrmError: top-level `{code, details, message,
 * status:"error"}`, or item-level inside an array such as `{data:[{…, status:"error"}]}`.
 * Null when the answer is not an error.
 */
function zohoErrorOf(body: unknown): CrmError | null {
  const items = [body];
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    for (const value of Object.values(body)) if (Array.isArray(value)) items.push(...value);
  }
  for (const item of items) {
    const parsed = zohoErrorSchema.safeParse(item);
    if (parsed.success && parsed.data.status === 'error') {
      const { code, message, details } = parsed.data;
      return new CrmError(code, message ?? code, details ?? {});
    }
  }
  return null;
}

/** A schema-like parser: zod mini schemas satisfy it. */
interface AnswerSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/**
 * The answer parsed with `schema`; rejects with CrmError when Zoho answered with an error, and
 * with HostError('malformed') when the answer is neither a valid success nor a Zoho error.
 */
export function readAnswer<T>(body: unknown, schema: AnswerSchema<T>, what: string): T {
  const error = zohoErrorOf(body);
  if (error) throw error;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HostError('malformed', `Unexpected answer to ${what}`, body);
  return parsed.data;
}

/** The first item of a list Zoho answers with one item; HostError('malformed') when the list is empty. */
export function firstItem<T>(items: T[], what: string): T {
  const [first] = items;
  if (first === undefined) throw new HostError('malformed', `Empty answer to ${what}`);
  return first;
}
