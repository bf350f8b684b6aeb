import './model-base';
import * as z from '../host/zod';
import { CrmError } from '../crm/crm-error';
import { SEARCH_REFUSED_CODES } from '../crm/locked-records';
import type { LockedRecordsPage } from '../crm/locked-records';
import { QUERY_REFUSED_CODES } from '../crm/locked-records-query';
import type { KeyValueStore } from '../host/storage';
import { cachedEntry } from './settings-cache';
import type { SettingsScope } from './settings-cache';
import type { TabCalls } from './tab-calls';

/** Zoho will find a module's locked records neither by search nor by COQL: only an administrator can change that. */
export class LockedFieldRefused extends Error {
  override readonly name = 'LockedFieldRefused';
}

export interface LockedFinder {
  /**
   * One page (from 1) of the module's locked records: by search, by COQL where the search refuses
   * `Locked__s` or answers an empty first page that COQL does not confirm. Rejects with
   * LockedFieldRefused when both refuse, else with the failure of the call that failed.
   */
  find(module: string, page: number, perPage: number): Promise<LockedRecordsPage>;
}

/** The modules whose locks this org's search refuses or misses, so that COQL is asked first. */
export interface SearchMisses {
  has(module: string): boolean;
  add(module: string): void;
  remove(module: string): void;
}

/**
 * Kept a day in the widget origin's storage, per org and user: a warm view then spends one call, not
 * a refused search and a query; after a day the search is tried again, in case Zoho indexed the field.
 * @example createSearchMisses({ store, now: Date.now, scope: { orgId, apiDomain, userId } }).has('Deals')
 */
export function createSearchMisses({ store, now, scope }: { store: KeyValueStore; now: () => number; scope: Omit<SettingsScope, 'module'> }): SearchMisses {
  const entry = cachedEntry(store, now, `recordlock.searchMisses:${scope.orgId ?? scope.apiDomain}:${scope.userId}`, z.array(z.string()));
  const modules = () => entry.read()?.settings ?? [];
  return {
    has: (module) => modules().includes(module),
    add: (module) => void (modules().includes(module) || entry.write([...modules(), module])),
    remove: (module) => void (modules().includes(module) && entry.write(modules().filter((known) => known !== module))),
  };
}

const refusedBy = (codes: readonly string[]) => (error: unknown) => error instanceof CrmError && codes.includes(error.code);
const searchRefused = refusedBy(SEARCH_REFUSED_CODES);
const queryRefused = refusedBy(QUERY_REFUSED_CODES);

/**
 * The chain by which the Web Tab finds locked records: search, then COQL, then a plain refusal.
 * An empty first page costs one COQL call more, the only answer a search that leaves the field out
 * of its index gives; a page with records, and every later page, costs the one call it did.
 * @example createLockedFinder({ calls, misses }).find('Deals', 1, 20)
 */
export function createLockedFinder({ calls, misses }: { calls: Pick<TabCalls, 'search' | 'query'>; misses: SearchMisses }): LockedFinder {
  const query = async (module: string, page: number, perPage: number) => (await calls.query()).queryLocked(module, page, perPage);

  /** COQL, remembered for the module once it answers where the search would not; null when Zoho refuses it too. */
  async function byQuery(module: string, page: number, perPage: number): Promise<LockedRecordsPage | null> {
    try {
      const found = await query(module, page, perPage);
      misses.add(module);
      return found;
    } catch (error) {
      if (!queryRefused(error)) throw error;
      misses.remove(module);
      return null;
    }
  }

  /** A second opinion on an empty first page; the search's answer stands when none can be had. */
  async function confirmEmpty(module: string, found: LockedRecordsPage, perPage: number): Promise<LockedRecordsPage> {
    try {
      const confirmed = await query(module, 1, perPage);
      if (confirmed.records.length > 0) misses.add(module);
      return confirmed;
    } catch {
      // swallowed on purpose: the search has answered, and the view shows its answer
      return found;
    }
  }

  return {
    async find(module, page, perPage) {
      // A module whose search refused or missed: COQL first, the search again only when COQL is refused now.
      const queryFirst = misses.has(module);
      const remembered = queryFirst ? await byQuery(module, page, perPage) : null;
      if (remembered) return remembered;
      let found: LockedRecordsPage;
      try {
        found = await calls.search.findLocked(module, page, perPage);
      } catch (error) {
        if (!searchRefused(error)) throw error;
        const queried = queryFirst ? null : await byQuery(module, page, perPage);
        if (queried) return queried;
        throw new LockedFieldRefused('Zoho refuses both search and COQL on Locked__s');
      }
      return found.records.length === 0 && page === 1 && !queryFirst ? confirmEmpty(module, found, perPage) : found;
    },
  };
}
