/**
 * Zoho's API limits (reference §4): credits per org over a rolling 24 hours, and calls in flight
 * at once per user. A call is admitted (its credits reserved, so that calls running side by side
 * can never overspend), then settled by its answer: refused calls give their credits back.
 */
import { CREDIT_WINDOW_MS, createCreditLedger, type CreditSpend } from './credit-ledger';
import { ERRORS, errorResponse } from './errors';
import type { LimitFault } from './faults';

export interface ApiLimits {
  /** Credits the org may spend in any 24 hours. */
  credits: number;
  /** Calls one user may have in flight at once. */
  concurrency: number;
}

/** Standard edition: 10 calls at once (reference §4.3). */
export const STANDARD_CONCURRENCY = 10;

/** Standard edition: 50,000 + 250 per user licence, at most 100,000 (reference §4.1). */
export const standardEditionCredits = (licences: number): number => Math.min(100_000, 50_000 + 250 * licences);

/** Sent once half the allowance is used, with the credits left (reference §4.1). */
export const CREDITS_HEADER = 'X-API-CREDITS-REMAINING';

export interface CallAdmission {
  /** Charges the call, or refunds it when the answer refused it (401, 429, 5xx); adds the credits header when due. */
  finish(response: Response): Response;
  /** The call was lost before it was applied: nothing to charge. */
  abandon(): void;
}

export interface LimitedCall {
  userId: string;
  /** When the call arrives (ms); its credits come back 24 hours later. */
  at: number;
  cost: number;
  /** The per-request switch: answer as if this limit were met. */
  forced: LimitFault | null;
}

export interface ApiLimiter {
  /** Either the call may go on, or the 429 answer. */
  admit(call: LimitedCall): CallAdmission | Response;
  remaining(at: number): number;
  /** Starts a fresh window in which `credits` are left (the harness's "API limit reached" switch). */
  setRemaining(at: number, credits: number): void;
}

const REFUNDED_STATUSES = new Set([401, 429]);

const creditsExhausted = (retryAfterMs: number): Response =>
  errorResponse(ERRORS.creditsExhausted, { retry_after: Math.max(1, Math.ceil(retryAfterMs / 1000)) });

/** Nobody can know when a call in flight ends, so no retry_after: the caller waits its own default. */
const tooManyConcurrentCalls = (): Response => errorResponse(ERRORS.tooManyConcurrentCalls);

const withHeader = (response: Response, name: string, value: string): Response => {
  const headers = new Headers(response.headers);
  headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};

export const createApiLimiter = (limits: () => ApiLimits): ApiLimiter => {
  const ledger = createCreditLedger();
  const inFlight = new Map<string, number>();

  const remaining = (at: number): number => Math.max(0, limits().credits - ledger.used(at));

  const withCreditsHeader = (response: Response, at: number): Response => {
    const { credits } = limits();
    if (ledger.used(at) * 2 < credits) return response;
    return withHeader(response, CREDITS_HEADER, String(remaining(at)));
  };

  const admit = (call: LimitedCall): CallAdmission | Response => {
    const { credits, concurrency } = limits();
    if (call.forced === 'concurrency') return withCreditsHeader(tooManyConcurrentCalls(), call.at);
    if (call.forced === 'credits') {
      // As if the whole allowance had just been spent, unless some of it comes back sooner.
      const back = ledger.used(call.at) > 0 ? ledger.freeAt(call.at, ledger.used(call.at), call.cost) : call.at + CREDIT_WINDOW_MS;
      return withCreditsHeader(creditsExhausted(back - call.at), call.at);
    }
    const running = inFlight.get(call.userId) ?? 0;
    if (running >= concurrency) return withCreditsHeader(tooManyConcurrentCalls(), call.at);
    if (remaining(call.at) < call.cost) {
      return withCreditsHeader(creditsExhausted(ledger.freeAt(call.at, credits, call.cost) - call.at), call.at);
    }

    const spend: CreditSpend = ledger.spend(call.at, call.cost);
    inFlight.set(call.userId, running + 1);
    let settled = false;
    const release = (): void => {
      if (settled) throw new Error('a call settled twice');
      settled = true;
      const left = (inFlight.get(call.userId) ?? 1) - 1;
      if (left > 0) inFlight.set(call.userId, left);
      else inFlight.delete(call.userId);
    };
    return {
      finish: (response) => {
        release();
        if (REFUNDED_STATUSES.has(response.status) || response.status >= 500) ledger.refund(spend);
        return withCreditsHeader(response, call.at);
      },
      abandon: () => {
        release();
        ledger.refund(spend);
      },
    };
  };

  return {
    admit,
    remaining,
    setRemaining: (at, credits) => {
      ledger.clear();
      const spent = limits().credits - Math.max(0, credits);
      if (spent > 0) ledger.spend(at, spent);
    },
  };
};
