/**
 * The emulator itself: one state, a handler from Request to Response, and the controls tests
 * need (tokens, faults, reset, snapshot).
 */
import { createApiLimiter, STANDARD_CONCURRENCY, standardEditionCredits, type ApiLimits } from './api-limits';
import { tokenUserId } from './auth';
import { creditCost, peekJson } from './credit-cost';
import { ERRORS, errorResponse } from './errors';
import { chooseFault, droppedCall, type FaultChoice, type FaultSettings } from './faults';
import { loadState, saveState } from './persistence';
import { createLockIndex } from './lock-index';
import { routeRequest, segmentsOf } from './router';
import type { CallVariants } from './routes/context';
import { seedState } from './seed';
import { largeOrgState } from './seed-large';
import type { EmulatorState, UserState, UserStatus } from './state';
import { asRateLimitExceeded } from './rate-limit-answer';
import { isActiveUser } from './user-types';
import { chooseVariants, DEFAULT_SEARCH_LAG_SECONDS, VARIANTS, type Variant } from './variants';

export interface EmulatorOptions {
  /**
   * Default true: the demo org (see seed.ts). False: the same users, no records or configurations.
   * 'large': the demo org with 2,000 deals, 300 of them locked (see seed-large.ts).
   */
  seed?: boolean | 'large';
  /**
   * Answers where Zoho's docs pages, its OpenAPI files or an unconfirmed reading allow another one
   * (see variants.ts and the README). A call's `X-Emulator-Variant` header adds its own.
   */
  variants?: readonly Variant[];
  /** Under `locked-search-lag`: how many seconds the search index trails a lock or an unlock. Default 30. */
  searchLagSeconds?: number;
  /** False: the `locked-search-refused` variant (a search naming Locked__s answers INVALID_QUERY). */
  searchLockedField?: boolean;
  /** Persist state to this JSON file; loaded at start when it exists. */
  dataFile?: string;
  /** Fixed delay added to every call. */
  latencyMs?: number;
  /** Share (0..1) of calls answered 500 INTERNAL_ERROR / dropped. */
  faults?: { errorRate?: number; dropRate?: number };
  /**
   * Zoho's API limits. Default: the Standard edition for the org's active users (50,000 + 250 credits per
   * user licence in any 24 hours, 10 calls in flight per user).
   */
  limits?: { credits?: number; concurrency?: number };
  now?: () => Date;
  random?: () => number;
}

export interface Emulator {
  /**
   * Zoho CRM's REST API under /crm/v8/... and /crm/v7/... `metered: false` leaves the API limits
   * out, for what the CRM's own pages read (the harness page), which no API credit pays for.
   */
  handle(request: Request, options?: { metered?: boolean }): Promise<Response>;
  /** A new OAuth token for a seeded user, e.g. with only some scopes, or already expired. */
  issueToken(email: string, scopes: string[], options?: { expiresAt?: Date }): string;
  /**
   * Latency and faults as given (omitted ones off); `limits` when given, else the current ones;
   * variants, searchLagSeconds and searchLockedField go back to the emulator's own when not given.
   */
  setOptions(
    options: Pick<EmulatorOptions, 'latencyMs' | 'faults' | 'limits' | 'variants' | 'searchLagSeconds' | 'searchLockedField'>,
  ): void;
  /** The org's credits: its allowance per 24 hours and what is left of it now. */
  credits(): { allowance: number; remaining: number };
  /** Leaves `remaining` credits from now on, e.g. 0 to answer every call 429 until they are set back. */
  setRemainingCredits(remaining: number): void;
  /**
   * A user's status from now on, as an administrator's `PUT /users/{id}` sets it; also `deleted`,
   * which no API call makes. @example emulator.setUserStatus('manager@example.com', 'inactive')
   */
  setUserStatus(email: string, status: UserStatus): void;
  /** Back to the seed, with every credit back. */
  reset(): void;
  /** The whole state as plain JSON (what the data file holds). */
  snapshot(): unknown;
}

/** The emulator's own variants: those named, and `searchLockedField: false`'s older spelling of one. */
const ownVariants = (options: Pick<EmulatorOptions, 'variants' | 'searchLockedField'>): ReadonlySet<Variant> =>
  new Set([...(options.variants ?? []), ...(options.searchLockedField === false ? (['locked-search-refused'] as const) : [])]);

const searchLagMsOf = (options: Pick<EmulatorOptions, 'searchLagSeconds'>): number =>
  Math.max(0, options.searchLagSeconds ?? DEFAULT_SEARCH_LAG_SECONDS) * 1000;

const definedOnly = <T extends object>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * @example
 * const emulator = createEmulator();
 * const response = await emulator.handle(new Request('http://localhost/crm/v8/users?type=CurrentUser', {
 *   headers: { Authorization: 'Zoho-oauthtoken 1000.demo.rep' },
 * }));
 */
export const createEmulator = (options: EmulatorOptions = {}): Emulator => {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const seeded = (): EmulatorState => (options.seed === 'large' ? largeOrgState() : seedState(options.seed ?? true));
  let settings: FaultSettings = { latencyMs: options.latencyMs, faults: options.faults };
  let own = ownVariants(options);
  let searchLagMs = searchLagMsOf(options);
  let state: EmulatorState = (options.dataFile && loadState(options.dataFile)) || seeded();
  const lockIndex = createLockIndex(state);
  let tokenSerial = 0;
  let limitOptions = options.limits ?? {};
  const currentLimits = (): ApiLimits => ({
    // A licence per active user: a deactivated one (the demo org's Fiona Former) holds none.
    credits: limitOptions.credits ?? standardEditionCredits(state.users.filter(isActiveUser).length),
    concurrency: limitOptions.concurrency ?? STANDARD_CONCURRENCY,
  });
  const limiter = createApiLimiter(currentLimits);

  const save = (): void => {
    if (options.dataFile) saveState(options.dataFile, state);
  };
  save();

  const respond = async (request: Request, call: CallVariants): Promise<Response> => {
    try {
      return await routeRequest(state, request, now(), call);
    } catch (error) {
      // Only a bug gets here; it still answers in Zoho's envelope rather than crashing the caller.
      console.error('emulator: unexpected error', error);
      return errorResponse(ERRORS.internalError);
    }
  };

  /** The call itself, with its injected latency and faults: the time it is in flight. */
  const run = async (request: Request, fault: FaultChoice, call: CallVariants): Promise<Response> => {
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.outcome === 'drop') throw droppedCall();
    if (fault.outcome === 'error') return errorResponse(ERRORS.internalError);
    const response = await respond(request, call);
    if (!READ_ONLY_METHODS.has(request.method.toUpperCase())) {
      lockIndex.note(state, now().getTime());
      save();
    }
    return response;
  };

  const callVariants = (variants: ReadonlySet<Variant>): CallVariants => ({
    variants,
    indexedLock: (module, recordId, lockedNow) =>
      variants.has('locked-search-lag') ? lockIndex.lockedAsIndexed(module, recordId, lockedNow, now().getTime(), searchLagMs) : lockedNow,
  });

  const handle = async (request: Request, handleOptions: { metered?: boolean } = {}): Promise<Response> => {
    const variants = chooseVariants(request.headers, own);
    // A header naming no variant is a mistake in the caller's test: say so before anything is spent.
    if ('unknown' in variants) return errorResponse(ERRORS.unknownVariant, { variants: variants.unknown, supported_values: [...VARIANTS] });
    const call = callVariants(variants);
    const fault = chooseFault(request.headers, settings, random);
    const segments = segmentsOf(new URL(request.url).pathname);
    const userId = tokenUserId(state, request);
    // No known token, or no API path: the router's 401/404 follows, which costs nothing.
    if (userId === null || segments === undefined || handleOptions.metered === false) {
      const response = await run(request, fault, call);
      if (fault.outcome === 'drop-after') throw droppedCall();
      return response;
    }
    const cost = creditCost(request.method, segments, await peekJson(request));
    const admission = limiter.admit({ userId, at: now().getTime(), cost, forced: fault.limit });
    if (admission instanceof Response) return variants.has('rate-limit-exceeded') ? asRateLimitExceeded(admission) : admission;
    let response: Response;
    try {
      response = admission.finish(await run(request, fault, call));
    } catch (error) {
      admission.abandon();
      throw error;
    }
    // Applied, then lost: the call was made, so its credits are spent.
    if (fault.outcome === 'drop-after') throw droppedCall();
    return response;
  };

  const userNamed = (email: string): UserState => {
    const user = state.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
    if (!user) throw new Error(`No user ${email} in the emulator's org (users: ${state.users.map((u) => u.email).join(', ')})`);
    return user;
  };

  const issueToken = (email: string, scopes: string[], tokenOptions: { expiresAt?: Date } = {}): string => {
    const user = userNamed(email);
    tokenSerial += 1;
    const token = `1000.${user.id.slice(-6)}${String(tokenSerial).padStart(4, '0')}.${Math.floor(random() * 1e12).toString(16)}`;
    state.tokens.push({
      token,
      userId: user.id,
      scopes: [...scopes],
      expiresAt: tokenOptions.expiresAt ? tokenOptions.expiresAt.toISOString() : null,
    });
    save();
    return token;
  };

  return {
    handle,
    issueToken,
    setOptions: (next) => {
      settings = { latencyMs: next.latencyMs, faults: next.faults };
      own = ownVariants({ ...options, ...definedOnly(next) });
      searchLagMs = searchLagMsOf({ ...options, ...definedOnly(next) });
      if (next.limits) limitOptions = next.limits;
    },
    credits: () => ({ allowance: currentLimits().credits, remaining: limiter.remaining(now().getTime()) }),
    setRemainingCredits: (remaining) => limiter.setRemaining(now().getTime(), remaining),
    setUserStatus: (email, status) => {
      userNamed(email).status = status;
      save();
    },
    reset: () => {
      state = seeded();
      lockIndex.restart(state);
      limiter.setRemaining(now().getTime(), currentLimits().credits);
      save();
    },
    snapshot: () => structuredClone(state),
  };
};
