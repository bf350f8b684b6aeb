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

/** What a page says when Zoho's PageLoad never came, named nothing it can use, or the page runs outside Zoho CRM. */
export interface PageLoadWords {
  timeout: MessageKey;
  malformed: MessageKey;
  outside: MessageKey;
}

const RECORD_PAGE_WORDS: PageLoadWords = { timeout: 'start.pageLoadTimeout', malformed: 'start.noRecord', outside: 'start.unavailable' };

/** A page's PageLoad that never came, or named nothing it can use, has words of its own (the record page's by default). */
export function pageLoadFailureOf(error: unknown, words: PageLoadWords = RECORD_PAGE_WORDS): Promise<StartFailure> | StartFailure {
  if (error instanceof HostError && error.kind === 'timeout') return { failure: failureOf(words.timeout), unavailable: false };
  if (error instanceof HostError && error.kind === 'malformed') return { failure: failureOf(words.malformed), unavailable: false };
  return startFailureOf(error, words.outside);
}
