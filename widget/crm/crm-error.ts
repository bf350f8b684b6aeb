/**
 * An error answer from Zoho's API: its code (e.g. "NOT_ALLOWED", "NO_PERMISSION"), the HTTP status
 * when known, Zoho's message and details. The UI branches on `code`, never on the message.
 */
export class CrmError extends Error {
  override readonly name = 'CrmError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly status: number | null = null,
  ) {
    super(message);
  }
}
