/**
 * What one call costs in API credits, from its method, path and JSON body (Zoho's credits table:
 * reference §4.2). Generic on purpose: a route added later costs Zoho's "all other APIs" credit
 * unless its shape says otherwise.
 */
import { z } from 'zod';
import { MAX_BODY_BYTES } from './body';

/** Zoho caps an insert/update/upsert at 10 credits (100 records at 1 credit per 10). */
const MAX_WRITE_CREDITS = 10;
const RECORDS_PER_CREDIT = 10;
/** COQL's LIMIT when the query names none. */
const COQL_DEFAULT_LIMIT = 200;

const CoqlBody = z.object({ select_query: z.string() });
const RecordsBody = z.object({ data: z.array(z.unknown()) });

/** The row count a COQL query asks for: `limit N`, `limit OFFSET, N` or `limit N offset M`. */
export const coqlLimitOf = (query: string): number => {
  const found = /\blimit\s+(\d+)(?:\s*,\s*(\d+))?/i.exec(query);
  if (!found?.[1]) return COQL_DEFAULT_LIMIT;
  return Number(found[2] ?? found[1]);
};

const coqlCredits = (limit: number): number => (limit <= 200 ? 1 : limit <= 1000 ? 2 : 3);

const isWrite = (method: string): boolean => method === 'POST' || method === 'PUT' || method === 'PATCH';

/**
 * @example creditCost('POST', ['coql'], { select_query: 'select id from Deals where Locked__s = true limit 500' }) // 2
 * @example creditCost('POST', ['Tasks'], { data: new Array(25).fill({}) }) // 3
 */
export const creditCost = (method: string, segments: readonly string[], body: unknown): number => {
  const upper = method.toUpperCase();
  if (upper === 'POST' && segments.length === 1 && segments[0] === 'coql') {
    const coql = CoqlBody.safeParse(body);
    return coql.success ? coqlCredits(coqlLimitOf(coql.data.select_query)) : 1;
  }
  if (isWrite(upper) && segments[0] !== 'settings') {
    const records = RecordsBody.safeParse(body);
    if (records.success) {
      return Math.min(MAX_WRITE_CREDITS, Math.max(1, Math.ceil(records.data.data.length / RECORDS_PER_CREDIT)));
    }
  }
  return 1;
};

/** The body as JSON when it is, read from a clone so that the route still reads the original. */
export const peekJson = async (request: Request): Promise<unknown> => {
  if (!isWrite(request.method.toUpperCase()) || request.body === null) return undefined;
  // An oversized body is the route's to refuse; its price is not worth buffering it.
  if (Number(request.headers.get('content-length') ?? '0') > MAX_BODY_BYTES) return undefined;
  try {
    return JSON.parse(await request.clone().text()) as unknown;
  } catch {
    // Not JSON: the route answers that; for the price it is a plain call.
    return undefined;
  }
};
