import type { ConfigurationCalls } from '../crm/configuration';
import type { LockingConfiguration } from '../crm/types';
import { inParallel, MAX_IN_FLIGHT } from './in-parallel';
import type { ModuleListCache } from './settings-cache';

/** Which modules have a locking configuration, as far as read: each module's configuration, or null for none. */
export type ModuleScan = Map<string, LockingConfiguration | null>;

export interface ModuleListSource {
  /** What the cache holds for this org and user, if anything usable. */
  cached: ModuleListCache['read'];
  /**
   * Reads the configuration of each of `modules` not in `known` (one call each, a few at once), and
   * caches the list once every candidate is known. Resolves with what is known; rejects only when
   * nothing could be read.
   */
  scan(modules: readonly string[], known?: ModuleScan): Promise<ModuleScan>;
  /** The candidates with a configuration, in the order of the candidates. */
  configured(scan: ModuleScan): string[];
  /** Forgets the cached list: Zoho's answer contradicted it. */
  drop(): void;
}

export interface ModuleListOptions {
  configurations: () => Promise<ConfigurationCalls>;
  cache: ModuleListCache;
  candidates: readonly string[];
}

/** @example createModuleListSource({ configurations, cache, candidates: ['Leads', 'Deals'] }).scan(['Deals']) */
export function createModuleListSource({ configurations, cache, candidates }: ModuleListOptions): ModuleListSource {
  const configured = (scan: ModuleScan) => candidates.filter((module) => scan.get(module));
  return {
    cached: cache.read,
    configured,
    async scan(modules, known = new Map()) {
      const calls = await configurations();
      const scan: ModuleScan = new Map(known);
      let failure: { error: unknown } | null = null;
      await inParallel(
        modules.filter((module) => !scan.has(module)),
        MAX_IN_FLIGHT,
        async (module) => {
          try {
            scan.set(module, await calls.getLockingConfiguration(module));
          } catch (error) {
            failure ??= { error };
          }
        },
      );
      if (failure && scan.size === known.size) throw (failure as { error: unknown }).error;
      if (candidates.every((module) => scan.has(module))) cache.write(configured(scan));
      return scan;
    },
    drop: cache.drop,
  };
}
