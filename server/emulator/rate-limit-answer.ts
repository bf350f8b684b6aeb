/**
 * The `rate-limit-exceeded` variant: Zoho's search OpenAPI file lists `RATE_LIMIT_EXCEEDED` for a
 * 429, with empty details (no `retry_after`) and the message of its sample, where the docs pages
 * say `TOO_MANY_REQUESTS`. The status and headers (the remaining credits) stay as they were.
 */
import { ERRORS, zohoError } from './errors';

export const asRateLimitExceeded = (response: Response): Response => {
  if (response.status !== 429) return response;
  return new Response(JSON.stringify(zohoError(ERRORS.rateLimitExceeded)), { status: 429, headers: response.headers });
};
