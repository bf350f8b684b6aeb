import type { Crm } from '../crm/crm';
import { defaultReasonMaxLength as FALLBACK_REASON_MAX_LENGTH } from '../crm/fields';
import type { LockingConfiguration } from '../crm/types';
import { inParallel } from './in-parallel';
import type { LockSettings, ModuleListCache, SettingsCache } from './settings-cache';

export interface SettingsSource {
  /** What the cache holds for this org, user and module, if anything usable. */
  cached: SettingsCache['read'];
  /**
   * Reads the three settings from Zoho at once (three calls) and caches them when all three came
   * back. Rejects only when the configuration cannot be read: a missing permission or length
   * falls back to "unknown" and the length Zoho is known to allow, and is not cached.
   */
  read(): Promise<LockSettings>;
  /** Forgets the cached entry: Zoho's answer contradicted it. */
  drop(): void;
}

export function createSettingsSource({ crm, cache, profileId, module }: { crm: Crm; cache: SettingsCache; profileId: string; module: string }): SettingsSource {
  return {
    cached: cache.read,
    async read() {
      const [configuration, lockPermission, maxLength] = await Promise.allSettled([
        crm.getLockingConfiguration(module),
        crm.getLockPermission(profileId, module),
        crm.getReasonMaxLength(),
      ]);
      if (configuration.status === 'rejected') throw configuration.reason;
      const settings: LockSettings = {
        configuration: configuration.value,
        lockPermission: lockPermission.status === 'fulfilled' ? lockPermission.value : 'unknown',
        maxLength: maxLength.status === 'fulfilled' ? maxLength.value : FALLBACK_REASON_MAX_LENGTH,
      };
      if (lockPermission.status === 'fulfilled' && maxLength.status === 'fulfilled') cache.write(settings);
      return settings;
    },
    drop: cache.drop,
  };
}

export interface ModuleListSource {
  /** What the cache holds for this org and user, if anything usable. */
  cached: ModuleListCache['read'];
  /**
   * Reads each candidate module's locking configuration (one call each, a few at once) and caches
   * the list when every read came back. Rejects only when none could be read.
   */
  read(): Promise<{ modules: string[]; configurations: Map<string, LockingConfiguration> }>;
  /** Forgets the cached list: Zoho's answer contradicted it. */
  drop(): void;
}

/** @example createModuleListSource({ crm, cache, candidates: ['Leads', 'Deals'], maxInFlight: 3 }).read() */
export function createModuleListSource({ crm, cache, candidates, maxInFlight }: { crm: Crm; cache: ModuleListCache; candidates: readonly string[]; maxInFlight: number }): ModuleListSource {
  return {
    cached: cache.read,
    async read() {
      const configurations = new Map<string, LockingConfiguration>();
      let failure: { error: unknown } | null = null;
      await inParallel(candidates, maxInFlight, async (module) => {
        try {
          const configuration = await crm.getLockingConfiguration(module);
          if (configuration) configurations.set(module, configuration);
        } catch (error) {
          failure ??= { error };
        }
      });
      if (failure && configurations.size === 0) throw (failure as { error: unknown }).error;
      const modules = candidates.filter((module) => configurations.has(module));
      if (!failure) cache.write(modules);
      return { modules, configurations };
    },
    drop: cache.drop,
  };
}
