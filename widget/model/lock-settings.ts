import type { LockingConfiguration } from '../crm/types';
import type { SettingsSourceOptions } from './settings-read';
import type { LockSettings, SettingsCache } from './settings-cache';

export interface SettingsSource {
  /** What the cache holds for this org, user and module, if anything usable. */
  cached: SettingsCache['read'];
  /**
   * Reads the settings from Zoho at once (three calls; two when `configuration` was just read
   * elsewhere) and caches them when all came back. Rejects only when the configuration cannot be
   * read: a missing permission or length falls back to "unknown" and the length Zoho is known to
   * allow, and is not cached.
   */
  read(configuration?: LockingConfiguration | null): Promise<LockSettings>;
  /** Forgets the cached entry: Zoho's answer contradicted it. */
  drop(): void;
}

/** A module's settings: cached, or read from Zoho by code fetched only when no fresh entry is at hand. */
export function createSettingsSource(options: SettingsSourceOptions): SettingsSource {
  return {
    cached: options.cache.read,
    read: (known) => import('./settings-read').then((code) => code.readSettings(options, known)),
    drop: options.cache.drop,
  };
}

