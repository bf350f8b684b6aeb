import { HostError } from '../host/host';
import type { MessageKey } from '../i18n/messages';
import { describeLater } from './describe-later';
import { failureOf } from './failure';
import type { Failure } from './failure';

/** Why a page could not start, and whether that is because it runs outside Zoho CRM. */
export interface StartFailure {
  failure: Failure;
  unavailable: boolean;
}

/**
 * A failed start as the viewer should hear of it; `outside` says how this page tells that it runs
 * outside Zoho CRM. Every other failure may be tried again.
 */
export async function startFailureOf(error: unknown, outside: MessageKey): Promise<StartFailure> {
  if (error instanceof HostError && error.kind === 'unavailable') return { failure: failureOf(outside), unavailable: true };
  return { failure: { ...(await describeLater(error)), retryable: true }, unavailable: false };
}

/** How a page tells of its PageLoad: one that never came, one that named nothing the page shows, and running outside Zoho CRM. */
export type PageLoadWords = readonly [timeout: MessageKey, malformed: MessageKey, outside: MessageKey];

/** A PageLoad that never came, or named nothing the page shows, has words of its own on each page. */
export function pageLoadFailureOf(error: unknown, [timeout, malformed, outside]: PageLoadWords): Promise<StartFailure> | StartFailure {
  if (error instanceof HostError && error.kind === 'timeout') return { failure: failureOf(timeout), unavailable: false };
  if (error instanceof HostError && error.kind === 'malformed') return { failure: failureOf(malformed), unavailable: false };
  return startFailureOf(error, outside);
}
