import type { Crm, CrmOptions } from '../crm/crm';
import { readOpenRequests } from '../crm/tasks';
import type { KeyValueStore } from '../host/storage';
import { createModuleListSource, createSettingsSource } from './lock-settings';
import type { ModuleListSource, SettingsSource } from './lock-settings';
import { createModuleListCache, createSettingsCache } from './settings-cache';
import type { CachedModules } from './settings-cache';

export interface TabSources {
  /** Which modules have a locking configuration, cached per org and user. */
  modules: ModuleListSource;
  /** One module's settings, cached per org, user and module as on the record panel. */
  settingsOf(module: string): SettingsSource;
  /**
   * The picker's modules: `first` as soon as they can be shown (cached; or only the remembered
   * module once Zoho said it is configured; or the full scan), `later` the full list when it
   * comes after the first (a stale cache read again, or the scan behind the remembered module).
   */
  pickerModules(cached: CachedModules | null, configuredEarly: Promise<string | null> | null): PickerModules;
  /** Drops the module's cached settings, and with `modulesToo` the module list, which it reads again (null: not read). */
  forget(module: string, modulesToo: boolean): Promise<string[] | null>;
  /** The page's open unlock requests, read in one call, as a count per record and lock. */
  openRequests(recordIds: readonly string[]): Promise<OpenRequestCount>;
}

/** Open requests on a record asked since its lock was set (an older one belonged to an earlier lock, as on the record panel). */
export type OpenRequestCount = (recordId: string, lockedAt: string) => number;

export interface PickerModules {
  /** modules null: none could be read, for the reason in failure. */
  first: Promise<{ modules: string[] | null; failure: unknown }>;
  later: Promise<string[] | null>;
}

export interface TabSourcesOptions {
  crm: Crm;
  crmOptions: CrmOptions;
  store: KeyValueStore;
  now: () => number;
  scope: { orgId: string | null; apiDomain: string; userId: string };
  profileId: string;
  candidates: readonly string[];
  maxInFlight: number;
}

/**
 * What the Web Tab reads besides the search and the locks. Loaded on demand (part `tab-sources`),
 * fetched as the tab starts, beside Zoho's PageLoad, to keep the page's first load small.
 * @example createTabSources({ crm, crmOptions, store, now: Date.now, scope, profileId, candidates: ['Deals'], maxInFlight: 3 })
 */
export function createTabSources({ crm, crmOptions, store, now, scope, profileId, candidates, maxInFlight }: TabSourcesOptions): TabSources {
  const modules = createModuleListSource({ crm, cache: createModuleListCache({ store, now, scope }), candidates, maxInFlight });
  return {
    modules,
    pickerModules(cached, configuredEarly) {
      if (cached?.fresh) return { first: Promise.resolve({ modules: cached.settings, failure: null }), later: Promise.resolve(null) };
      const scan = modules.read().then(
        (read) => ({ modules: read.modules, failure: null }),
        (failure: unknown) => ({ modules: null, failure }),
      );
      const later = scan.then((read) => read.modules);
      if (cached) return { first: Promise.resolve({ modules: cached.settings, failure: null }), later };
      const early = configuredEarly?.then((name) => (name ? { modules: [name], failure: null } : scan)) ?? scan;
      return { first: Promise.race([scan, early]), later };
    },
    settingsOf: (module) => createSettingsSource({ crm, cache: createSettingsCache({ store, now, scope: { ...scope, module } }), profileId, module }),
    forget(module, modulesToo) {
      createSettingsCache({ store, now, scope: { ...scope, module } }).drop();
      if (!modulesToo) return Promise.resolve(null);
      modules.drop();
      return modules.read().then(
        (read) => read.modules,
        () => null,
      );
    },
    async openRequests(recordIds) {
      const { requests } = await readOpenRequests(crmOptions, recordIds);
      return (recordId, lockedAt) =>
        requests.filter((request) => request.recordId === recordId && Date.parse(request.askedAt) >= Date.parse(lockedAt)).length;
    },
  };
}
