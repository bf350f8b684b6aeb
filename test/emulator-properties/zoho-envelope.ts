/**
 * What every answer of Zoho's API looks like, taken from the reference (not from the emulator's
 * own error table): a status per code, and the envelopes an answer may come in.
 */
import { z } from 'zod';

/** HTTP statuses Zoho documents for each code (two where Zoho's docs and its OAS disagree). */
export const ZOHO_STATUS: Readonly<Record<string, readonly number[]>> = {
  SUCCESS: [200, 201, 204],
  AUTHENTICATION_FAILURE: [401],
  INVALID_TOKEN: [401],
  OAUTH_SCOPE_MISMATCH: [401],
  INVALID_URL_PATTERN: [404],
  INVALID_REQUEST_METHOD: [400, 403],
  INVALID_MODULE: [400],
  REQUIRED_PARAM_MISSING: [400],
  INVALID_DATA: [400],
  MANDATORY_NOT_FOUND: [400],
  LIMIT_EXCEEDED: [400],
  NOT_ALLOWED: [400, 403],
  NO_PERMISSION: [403],
  RECORD_LOCKED: [400],
  NOT_APPROVED: [400],
  ALREADY_MODIFIED: [412],
  DEPENDENT_FIELD_MISSING: [400],
  DUPLICATE_DATA: [400],
  NOT_SUPPORTED: [400],
  EXPECTED_FIELD_MISSING: [400],
  AMBIGUITY_DURING_PROCESSING: [400],
  FEATURE_NOT_SUPPORTED: [400],
  TOO_MANY_REQUESTS: [429],
  INTERNAL_ERROR: [500],
};

const Item = z.object({
  code: z.string(),
  message: z.string(),
  status: z.enum(['success', 'error']),
  details: z.record(z.string(), z.unknown()),
});

/** A resource read: `{data:[{id,…}]}`, `{users:[…]}`, `{record_locking_configurations:[…]}`, … */
const ResourceList = z.array(z.looseObject({ id: z.string() }).or(z.looseObject({ api_name: z.string() })));

export interface ZohoAnswer {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  text: string;
}

/**
 * The Zoho code an answer carries: the top-level item's code, the first wrapped item's code, or
 * SUCCESS for a resource read and for 204. Throws when the answer is in no envelope of Zoho's.
 */
export const codeOf = (answer: ZohoAnswer): string => {
  if (answer.status === 204) {
    if (answer.text !== '') throw new Error(`204 with a body: ${answer.text}`);
    return 'SUCCESS';
  }
  const top = Item.safeParse(answer.body);
  if (top.success) return top.data.code;
  if (answer.body === null || typeof answer.body !== 'object' || Array.isArray(answer.body)) {
    throw new Error(`not a Zoho envelope (status ${answer.status}): ${answer.text.slice(0, 200)}`);
  }
  const lists = Object.entries(answer.body).filter(([, value]) => Array.isArray(value));
  const [wrapper] = lists;
  if (lists.length !== 1 || wrapper === undefined) {
    throw new Error(`not a Zoho envelope (status ${answer.status}): ${answer.text.slice(0, 200)}`);
  }
  const items = z.array(Item).min(1).safeParse(wrapper[1]);
  if (items.success) {
    const codes = new Set(items.data.map((i) => i.code));
    if (codes.size !== 1) throw new Error(`mixed codes in one answer: ${[...codes].join(', ')}`);
    return items.data[0]?.code ?? 'SUCCESS';
  }
  if (answer.status === 200 && ResourceList.safeParse(wrapper[1]).success) return 'SUCCESS';
  throw new Error(`not a Zoho envelope (status ${answer.status}): ${answer.text.slice(0, 200)}`);
};

/** The code, after checking the answer is Zoho's envelope with Zoho's status for that code. */
export const checkedCode = (answer: ZohoAnswer): string => {
  const code = codeOf(answer);
  const allowed = ZOHO_STATUS[code];
  if (!allowed) throw new Error(`unknown Zoho code ${code}`);
  if (!allowed.includes(answer.status)) {
    throw new Error(`${code} answered with HTTP ${answer.status}; Zoho uses ${allowed.join(' or ')}`);
  }
  return code;
};

/** Reads a Response as a caller would. */
export const readAnswer = async (response: Response): Promise<ZohoAnswer> => {
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), text };
};
