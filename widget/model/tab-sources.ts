import type { KeyValueStore } from '../host/storage';
import { MAX_IN_FLIGHT } from './in-parallel';
import { belongsToLock } from './lock-rules';
import { createSearchMisses } from './locked-finder';
import type { SearchMisses } from './locked-finder';
import { createSettingsSource } from './lock-settings';
import type { SettingsSource } from './lock-settings';
import { createModuleListSource } from './module-list';
import type { ModuleListSource, ModuleScan } from './module-list';
import { createRecentChanges } from './recent-changes';
import type { RecentChanges } from './recent-changes';
import { createModuleListCache, createSettingsCache } from './settings-cache';
import type { TabCalls } from './tab-calls';

/** Open requests on a record asked since its current lock was set (an older one was about an earlier lock). */
export type OpenRequestCount = (recordId: string, lockedAt: string) => number;

export interface TabSources {
  /** Which modules have a locking configuration, cached per org and user. */
  modules: ModuleListSource;
  /** One module's settings, cached per org, user and module as on the record panel. */
  settingsOf(module: string): SettingsSource;
  /**
   * The first configured candidate, scanning the candidates not `known` a few at a time, in order,
   * and stopping after the first batch that has one: the rest of the scan waits until the first
   * screen is shown, or the picker is opened.
   */
  firstConfigured(known: ModuleScan): Promise<FirstModule>;
  /** Drops the module's cached settings, and with `modulesToo` the module list. */
  forget(module: string, modulesToo: boolean): void;
  /** The page's open unlock requests, read in one call, as a count per record and lock. */
  openRequests(recordIds: readonly string[]): Promise<OpenRequestCount>;
  /** This browser's recent locks and unlocks, which a lagging search does not show yet. */
  recent: RecentChanges;
  /** The modules whose search refuses or misses `Locked__s`: COQL is asked first there. */
  searchMisses: SearchMisses;
}

export interface FirstModule {
  /** null: no candidate has a configuration, or none could be read (`failure`). */
  module: string | null;
  /** The modules known to have a configuration so far, in the candidates' order. */
  modules: string[];
  /** What is known of the candidates' configurations. */
  scan: ModuleScan;
  /** Every candidate is known and current: nothing is left to read for the picker. */
  complete: boolean;
  failure: unknown;
}

export interface TabSourcesOptions {
  calls: TabCalls;
  store: KeyValueStore;
  now: () => number;
  scope: { orgId: string | null; apiDomain: string; userId: string };
  profileId: string;
  candidates: readonly string[];
}

/**
 * What the Web Tab reads besides the search and the locks. Loaded on demand, fetched as the tab
 * starts, beside Zoho's PageLoad, to keep the page's first load small.
 * @example createTabSources({ calls, store, now: Date.now, scope, profileId, candidates: ['Deals'] })
 */
export function createTabSources({ calls, store, now, scope, profileId, candidates }: TabSourcesOptions): TabSources {
  const modules = createModuleListSource({ configurations: calls.settings, cache: createModuleListCache({ store, now, scope }), candidates });
  const settingsCache = (module: string) => createSettingsCache({ store, now, scope: { ...scope, module } });
  return {
    modules,
    recent: createRecentChanges({ store, now, scope }),
    searchMisses: createSearchMisses({ store, now, scope }),
    settingsOf: (module) => createSettingsSource({ settings: calls.settings, cache: settingsCache(module), profileId, module }),
    async firstConfigured(known) {
      let scan = known;
      const unknown = candidates.filter((module) => !known.has(module));
      for (let next = 0; next < unknown.length && !candidates.some((module) => scan.get(module)); next += MAX_IN_FLIGHT) {
        try {
          scan = await modules.scan(unknown.slice(next, next + MAX_IN_FLIGHT), scan);
        } catch (failure) {
          if (scan.size === 0) return { module: null, modules: [], scan, complete: false, failure };
        }
      }
      const configured = modules.configured(scan);
      return { module: configured[0] ?? null, modules: configured, scan, complete: scan.size === candidates.length, failure: null };
    },
    forget(module, modulesToo) {
      settingsCache(module).drop();
      if (modulesToo) modules.drop();
    },
    async openRequests(recordIds) {
      const { requests } = await (await calls.openRequests()).readOpenRequests(recordIds);
      return (recordId, lockedAt) =>
        requests.filter((request) => request.recordId === recordId && belongsToLock(lockedAt, request.askedAt)).length;
    },
  };
}
