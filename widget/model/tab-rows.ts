import { computed } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { LockedRecord } from '../crm/locked-records';
import type { Lock, LockingConfiguration, LockPermission } from '../crm/types';
import type { CurrentUser } from '../host/host';
import type { LoadedLock } from './locked-list';
import { ruleNameOf } from './lock-rules';
import { passesFilters } from './overview-filters';
import type { OverviewFilters } from './overview-filters';
import { permissionsFor } from './permissions';
import type { Permissions } from './permissions';
import type { OpenRequestCount } from './tab-sources';

export interface LockedRow {
  record: LockedRecord;
  lock: Lock;
  /** Name of the rule behind the lock, when the configuration knows it. */
  ruleName: string | null;
  permissions: Permissions;
  /** A manual lock the viewer may unlock: it gets a checkbox. */
  selectable: boolean;
  /** Open unlock requests on this lock; null while they are read or when they could not be. */
  openRequests: number | null;
}

export interface TabRowSources {
  user: ReadonlySignal<CurrentUser | null>;
  configuration: ReadonlySignal<LockingConfiguration | null>;
  lockPermission: ReadonlySignal<LockPermission>;
  loaded: ReadonlySignal<LoadedLock[]>;
  requests: ReadonlySignal<OpenRequestCount | null>;
  filters: ReadonlySignal<OverviewFilters>;
  now: () => Date;
}

export interface TabRows {
  /** Every loaded row, with what the viewer may do with it. */
  all: ReadonlySignal<LockedRow[]>;
  /** The loaded rows that pass the filters, newest lock first. */
  shown: ReadonlySignal<LockedRow[]>;
  /** People who locked one of the loaded records by hand, for the "Locked by" filter. */
  lockers: ReadonlySignal<{ id: string; name: string }[]>;
}

/** The tab's rows, derived from the loaded locks with the rules every page shares. */
export function createTabRows({ user, configuration, lockPermission, loaded, requests, filters, now }: TabRowSources): TabRows {
  const all = computed<LockedRow[]>(() => {
    const viewer = user.value;
    if (!viewer) return [];
    return loaded.value.map(({ record, lock }) => {
      const permissions = permissionsFor({
        profileId: viewer.profile.id,
        lockPermission: lockPermission.value,
        configuration: configuration.value,
        lock,
        hold: 'none',
      });
      const openRequests = requests.value?.(record.id, lock.lockedAt) ?? null;
      return { record, lock, ruleName: ruleNameOf(configuration.value, lock), permissions, selectable: permissions.unlock.allowed, openRequests };
    });
  });
  const shown = computed(() => {
    const viewerId = user.value?.id ?? '';
    const at = now();
    return all.value
      .filter((row) => passesFilters(row.lock, filters.value, viewerId, at))
      .sort((a, b) => Date.parse(b.lock.lockedAt) - Date.parse(a.lock.lockedAt));
  });
  const lockers = computed(() => {
    const byId = new Map<string, string>();
    for (const { lock } of loaded.value) if (lock.lockedBy) byId.set(lock.lockedBy.id, lock.lockedBy.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  });
  return { all, shown, lockers };
}
