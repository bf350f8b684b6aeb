import './model-base';

// The settings calls load with the code that reads them: one part.
export { settingsCalls } from '../crm/settings-calls';
import { defaultReasonMaxLength } from '../crm/reason';
import type { LockingConfiguration } from '../crm/types';
import type { SettingsCalls } from '../crm/settings-calls';
import type { LockSettings, SettingsCache } from './settings-cache';

export interface SettingsSourceOptions {
  settings: () => Promise<SettingsCalls>;
  cache: SettingsCache;
  profileId: string;
  module: string;
}


/**
 * Reads a module's settings from Zoho at once (three calls; two when `known`, its configuration,
 * was just read elsewhere) and caches them when all came back. Rejects only when the configuration
 * cannot be read: a missing permission or length falls back to "unknown" and the length Zoho is
 * known to allow, and is not cached. Loaded on demand: a view with fresh cached settings reads none.
 */
export async function readSettings({ settings, cache, profileId, module }: SettingsSourceOptions, known?: LockingConfiguration | null): Promise<LockSettings> {
  const calls = await settings();
  const [configuration, lockPermission, maxLength] = await Promise.allSettled([
    known === undefined ? calls.getLockingConfiguration(module) : known,
    calls.getLockPermission(profileId, module),
    calls.getReasonMaxLength(),
  ]);
  if (configuration.status === 'rejected') throw configuration.reason;
  const read: LockSettings = {
    configuration: configuration.value,
    lockPermission: lockPermission.status === 'fulfilled' ? lockPermission.value : 'unknown',
    maxLength: (maxLength.status === 'fulfilled' ? maxLength.value : null) ?? defaultReasonMaxLength,
  };
  if (lockPermission.status === 'fulfilled' && maxLength.status === 'fulfilled') cache.write(read);
  return read;
}
