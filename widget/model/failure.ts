import { HostError } from '../host/host';
import type { MessageKey, MessageParams } from '../i18n/messages';

/** A failed call as the viewer should hear of it: a translated message and whether trying again can help. */
export interface Failure {
  message: MessageKey;
  params: MessageParams;
  retryable: boolean;
  /** Zoho's API limit: trying again before this many seconds would only be refused again. */
  waitSeconds?: number;
  /** Zoho's error code, when Zoho answered with one: what a summary names beside the message. */
  code?: string;
}

/** How long to wait after a 429 that does not say: Zoho's concurrency limit clears within seconds, credits return over the day. */
export const DEFAULT_LIMIT_WAIT_SECONDS = 60;

/** Whether a write may have reached Zoho even though no readable answer came back. */
export function mayHaveGoneThrough(error: unknown): boolean {
  return error instanceof HostError && (error.kind === 'timeout' || error.kind === 'connection' || error.kind === 'malformed');
}

/** A failure with a message chosen for the situation rather than the code alone. */
export function failureOf(message: MessageKey, retryable = false, params: MessageParams = {}): Failure {
  return { message, params, retryable };
}
