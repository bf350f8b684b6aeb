import type { Crm, CrmOptions } from '../crm/crm';
import { readOpenRequests } from '../crm/tasks';
import type { OpenRequest } from '../crm/tasks';
import type { KeyValueStore } from '../host/storage';
import { createModuleListSource, createSettingsSource } from './lock-settings';
import type { ModuleListSource, SettingsSource } from './lock-settings';
import { createModuleListCache, createSettingsCache } from './settings-cache';

export interface TabSources {
  /** Which modules have a locking configuration, cached per org and user. */
  modules: ModuleListSource;
  /** One module's settings, cached per org, user and module as on the record panel. */
  settingsOf(module: string): SettingsSource;
  /** The open unlock requests on a page of records, in one call. */
  openRequests(recordIds: readonly string[]): Promise<{ requests: OpenRequest[]; more: boolean }>;
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
  return {
    modules: createModuleListSource({ crm, cache: createModuleListCache({ store, now, scope }), candidates, maxInFlight }),
    settingsOf: (module) => createSettingsSource({ crm, cache: createSettingsCache({ store, now, scope: { ...scope, module } }), profileId, module }),
    openRequests: (recordIds) => readOpenRequests(crmOptions, recordIds),
  };
}
