/** The answer to a body of several items: one result per item, in Zoho's `{"data":[…]}` envelope. */
import { jsonResponse, zohoError, type ZohoErrorBody } from './errors';
import type { ItemError } from './item-error';

export interface ItemResult {
  status: number;
  body: ZohoErrorBody | { code: 'SUCCESS'; details: Record<string, unknown>; message: string; status: 'success' };
}

export const itemFailure = (error: ItemError): ItemResult => ({
  status: error.entry.status,
  body: zohoError(error.entry, error.details),
});

export const itemSuccess = (status: number, message: string, details: Record<string, unknown>): ItemResult => ({
  status,
  body: { code: 'SUCCESS', details, message, status: 'success' },
});

/** `successStatus` when all succeed, 207 when some do, otherwise the first failure's status. */
export const combined = (results: ItemResult[], successStatus: number): Response => {
  const successes = results.filter((r) => r.body.status === 'success').length;
  const status = successes === results.length ? successStatus : successes > 0 ? 207 : (results[0]?.status ?? 400);
  return jsonResponse(status, { data: results.map((r) => r.body) });
};
