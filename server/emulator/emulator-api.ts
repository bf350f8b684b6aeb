/**
 * The emulator's face to the tests that use it: the options it starts with, and what it offers
 * (the API's handler and the controls beside it). createEmulator in emulator.ts builds one.
 */
import type { UserStatus } from './state';
import type { Variant } from './variants';

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
