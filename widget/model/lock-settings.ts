import type { Crm } from '../crm/crm';
import { defaultReasonMaxLength as FALLBACK_REASON_MAX_LENGTH } from '../crm/fields';
import type { SettingsCache, LockSettings } from './settings-cache';

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
