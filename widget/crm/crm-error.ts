import type { ConnectionKind } from '../host/host';

/** A call as a report names it: its connection, method and path, every id written `{id}`, no query. */
export interface ZohoCall {
  connection: ConnectionKind;
  method: string;
  /** e.g. "/crm/v8/Deals/{id}/Locking_Information__s" */
  path: string;
}

/**
 * An error answer from Zoho's API: its code (e.g. "NOT_ALLOWED", "NO_PERMISSION"), the HTTP status
 * when known, Zoho's message and details, and the call Zoho answered. The UI branches on `code`,
 * never on the message.
 */
export class CrmError extends Error {
  override readonly name = 'CrmError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly status: number | null = null,
    readonly call: ZohoCall | null = null,
  ) {
    super(message);
  }
}

/** Whether `error` is Zoho's answer with this code. */
export function hasCode(error: unknown, code: string): error is CrmError {
  return error instanceof CrmError && error.code === code;
}

/** Zia image processing makes Zoho refuse the record with RECORD_LOCKED; it is not a record lock. */
export function isZiaHold(error: unknown): boolean {
  return hasCode(error, 'RECORD_LOCKED') && error.details['action'] === 'zia_vision_processing';
}
