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

/** The record page's PageLoad that never came, or named no record, has words of its own. */
export function pageLoadFailureOf(error: unknown): Promise<StartFailure> | StartFailure {
  if (error instanceof HostError && error.kind === 'timeout') return { failure: failureOf('start.pageLoadTimeout'), unavailable: false };
  if (error instanceof HostError && error.kind === 'malformed') return { failure: failureOf('start.noRecord'), unavailable: false };
  return startFailureOf(error, 'start.unavailable');
}
