/**
 * What the emulator's call handling and its controls share while it runs: the org's state, which
 * `reset` replaces whole, the settings `setOptions` replaces, the API limiter and the lock index.
 * Both read a field when they need it and keep no copy, since reset and setOptions replace them.
 */
import { createApiLimiter, STANDARD_CONCURRENCY, standardEditionCredits, type ApiLimiter, type ApiLimits } from './api-limits';
import type { EmulatorOptions } from './emulator-api';
import type { FaultSettings } from './faults';
import { createLockIndex, type LockIndex } from './lock-index';
import { loadState, saveState } from './persistence';
import { seedState } from './seed';
import { largeOrgState } from './seed-large';
import type { EmulatorState } from './state';
import { isActiveUser } from './user-types';
import { DEFAULT_SEARCH_LAG_SECONDS, type Variant } from './variants';

export interface EmulatorCore {
  state: EmulatorState;
  faultSettings: FaultSettings;
  /** The emulator's own variants; a call's `X-Emulator-Variant` header adds to them. */
  ownVariants: ReadonlySet<Variant>;
  searchLagMs: number;
  limitOptions: NonNullable<EmulatorOptions['limits']>;
  readonly lockIndex: LockIndex;
  readonly limiter: ApiLimiter;
  readonly now: () => Date;
  readonly random: () => number;
  /** A new org as the options seed it. */
  readonly seeded: () => EmulatorState;
  /** The limits given, else the Standard edition's for the org as it is now. */
  readonly currentLimits: () => ApiLimits;
  /** Writes the state to the data file, when there is one. */
  readonly save: () => void;
}

/** The emulator's own variants: those named, and `searchLockedField: false`'s older spelling of one. */
export const ownVariantsOf = (options: Pick<EmulatorOptions, 'variants' | 'searchLockedField'>): ReadonlySet<Variant> =>
  new Set([...(options.variants ?? []), ...(options.searchLockedField === false ? (['locked-search-refused'] as const) : [])]);

export const searchLagMsOf = (options: Pick<EmulatorOptions, 'searchLagSeconds'>): number =>
  Math.max(0, options.searchLagSeconds ?? DEFAULT_SEARCH_LAG_SECONDS) * 1000;

/** The org comes from the data file when it holds one, else from the seed. */
export const createEmulatorCore = (options: EmulatorOptions): EmulatorCore => {
  const seeded = (): EmulatorState => (options.seed === 'large' ? largeOrgState() : seedState(options.seed ?? true));
  const state = (options.dataFile && loadState(options.dataFile)) || seeded();
  const currentLimits = (): ApiLimits => ({
    // A licence per active user: a deactivated one (the demo org's Fiona Former) holds none.
    credits: core.limitOptions.credits ?? standardEditionCredits(core.state.users.filter(isActiveUser).length),
    concurrency: core.limitOptions.concurrency ?? STANDARD_CONCURRENCY,
  });
  const core: EmulatorCore = {
    state,
    faultSettings: { latencyMs: options.latencyMs, faults: options.faults },
    ownVariants: ownVariantsOf(options),
    searchLagMs: searchLagMsOf(options),
    limitOptions: options.limits ?? {},
    lockIndex: createLockIndex(state),
    limiter: createApiLimiter(currentLimits),
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
    seeded,
    currentLimits,
    save: () => {
      if (options.dataFile) saveState(options.dataFile, core.state);
    },
  };
  return core;
};
