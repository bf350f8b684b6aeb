import * as z from '../host/zod';
import type { KeyValueStore } from '../host/storage';
import type { LockingConfiguration, LockPermission } from '../crm/types';

/**
 * What changes a few times a year and decides what the panel offers: the module's locking
 * configuration, whether the viewer's profile may lock by hand, and the reason's maximum length.
 */
export interface LockSettings {
  configuration: LockingConfiguration | null;
  lockPermission: LockPermission;
  maxLength: number;
}

/**
 * Fresh for ten minutes: an administrator's change to the configuration or a profile reaches every
 * open panel within a coffee break, while a rep paging through deals reads the settings about once
 * in each stretch of work instead of on every record. Zoho's refusals correct it sooner.
 */
const SETTINGS_FRESH_MS = 10 * 60_000;
/** Past this a stale entry is not shown even once while it is read again: the view waits for Zoho. */
const SETTINGS_STALE_LIMIT_MS = 24 * 60 * 60_000;
/** Entries of another shape are ignored and replaced; bump when LockSettings changes. */
const VERSION = 1;

export interface SettingsScope {
  orgId: string | null;
  apiDomain: string;
  userId: string;
  module: string;
}

export type CachedSettings = { settings: LockSettings; fresh: boolean };

const idName = z.object({ id: z.string(), name: z.string() });
const settingsSchema = z.object({
  configuration: z.nullable(
    z.object({
      id: z.string(),
      lockType: z.enum(['manual', 'automatic', 'both']),
      lockedFor: z.enum(['all_profiles', 'all_profiles_except_excluded_profiles']),
      excludedProfiles: z.array(idName),
      excludedFields: z.array(z.object({ apiName: z.string(), id: z.nullable(z.string()) })),
      restrictedActions: z.array(z.enum(['update', 'delete', 'tags', 'change_owner', 'convert'])),
      restrictedCommunications: z.array(z.string()),
      restrictedCustomButtons: z.array(idName),
      rules: z.array(idName),
    }),
  ),
  lockPermission: z.enum(['granted', 'denied', 'unknown']),
  maxLength: z.number(),
});

export interface SettingsCache {
  /** The entry for this scope, or null when there is none, it is unreadable, of another version or scope, or too old. */
  read(): CachedSettings | null;
  write(settings: LockSettings): void;
  drop(): void;
}

/**
 * One org, user and module's settings in the widget origin's storage. Nothing here is the lock: the
 * lock is always read from Zoho, and Zoho still decides every change.
 * @example createSettingsCache({ store, now: Date.now, scope: { orgId, apiDomain, userId, module } }).read()
 */
export function createSettingsCache({ store, now, scope }: { store: KeyValueStore; now: () => number; scope: SettingsScope }): SettingsCache {
  // The data centre stands in for the org where the SDK names none.
  return cachedEntry(store, now, `recordlock.settings:${scope.orgId ?? scope.apiDomain}:${scope.userId}:${scope.module}`, settingsSchema);
}

/** The modules with a locking configuration, as the Web Tab's module picker lists them. */
export type CachedModules = { settings: string[]; fresh: boolean };

export interface ModuleListCache {
  read(): CachedModules | null;
  write(modules: string[]): void;
  drop(): void;
}

/**
 * Which modules of one org have a locking configuration, as one user may read them, kept like a
 * module's settings (fresh ten minutes, stale served once, dropped when Zoho contradicts it).
 * @example createModuleListCache({ store, now: Date.now, scope: { orgId, apiDomain, userId } }).read()
 */
export function createModuleListCache({ store, now, scope }: { store: KeyValueStore; now: () => number; scope: Omit<SettingsScope, 'module'> }): ModuleListCache {
  return cachedEntry(store, now, `recordlock.modules:${scope.orgId ?? scope.apiDomain}:${scope.userId}`, z.array(z.string()));
}

/**
 * One versioned, timed entry under `key`, kept like a module's settings (fresh ten minutes, up to a
 * day stale); what does not parse, or is too old, reads as none.
 */
export function cachedEntry<T>(store: KeyValueStore, now: () => number, key: string, schema: z.core.$ZodType<T>) {
  const entrySchema = z.object({ version: z.number(), key: z.string(), savedAt: z.number(), settings: schema });
  return {
    read(): { settings: T; fresh: boolean } | null {
      let entry;
      try {
        // No entry reads as JSON null, which the schema refuses like any other shape.
        const parsed = entrySchema.safeParse(JSON.parse(store.get(key) ?? 'null'));
        entry = parsed.success ? parsed.data : null;
      } catch {
        // not JSON: ignored, and replaced by the next write
        return null;
      }
      if (!entry || entry.version !== VERSION || entry.key !== key) return null;
      const age = now() - entry.savedAt;
      // A clock set back makes the age negative: treat the entry as old, never as fresh for ever.
      if (age < 0 || age > SETTINGS_STALE_LIMIT_MS) return null;
      return { settings: entry.settings, fresh: age <= SETTINGS_FRESH_MS };
    },
    write(settings: T) {
      store.set(key, JSON.stringify({ version: VERSION, key, savedAt: now(), settings }));
    },
    drop: () => store.remove(key),
  };
}
