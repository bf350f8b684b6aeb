import { HostError } from '../host/host';
import type { MessageKey, MessageParams } from '../i18n/messages';

/** A failed call as the viewer should hear of it: a translated message and whether trying again can help. */
export interface Failure {
  message: MessageKey;
  params: MessageParams;
  retryable: boolean;
  /** Zoho's API limit: trying again before this many seconds would only be refused again. */
  waitSeconds?: number;
  /** Zoho's 429 named no wait (no `retry_after`): most likely too many calls at once rather than the day's credits. */
  waitUnnamed?: boolean;
  /** Zoho's error code, when Zoho answered with one: what a summary names beside the message. */
  code?: string;
}

/**
 * How long to wait after a 429 that names no wait (`RATE_LIMIT_EXCEEDED` never does, nor Zoho's
 * answer to too many calls at once): those clear as soon as the calls in flight end, a refused call
 * spends no credit, and the one automatic retry then comes soon. When the day's credits are what
 * is spent, that retry is refused again and the viewer reads when to try.
 */
export const DEFAULT_LIMIT_WAIT_SECONDS = 10;

/** Whether a write may have reached Zoho even though no readable answer came back. */
export function mayHaveGoneThrough(error: unknown): boolean {
  return error instanceof HostError && (error.kind === 'timeout' || error.kind === 'connection' || error.kind === 'malformed');
}

/** A failure with a message chosen for the situation rather than the code alone. */
export function failureOf(message: MessageKey, retryable = false, params: MessageParams = {}): Failure {
  return { message, params, retryable };
}

/**
 * A failure of a call the page sent beside others of its own (a few at a time): a 429 that names
 * no wait then says that too many calls ran at once.
 */
export const sentTogether = (failure: Failure): Failure => (failure.waitUnnamed ? { ...failure, message: 'error.tooManyAtOnce' } : failure);
