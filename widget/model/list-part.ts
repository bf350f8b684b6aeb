import './model-base';
import type { SelectedRecord } from '../crm/selected-records';
import type { KeyValueStore } from '../host/storage';
import type { ListCalls } from './list-calls';
import { createSettingsSource } from './lock-settings';
import type { SettingsSource } from './lock-settings';
import { createSettingsCache } from './settings-cache';
import type { LockSettings, SettingsScope } from './settings-cache';

// What the list page fetches as it starts, beside Zoho's PageLoad: the reads of its second round.

export interface SelectionReadOptions {
  calls: ListCalls;
  store: KeyValueStore;
  now: () => number;
  /** The org, user and module whose settings the record panel and the tab cache under the same key. */
  scope: SettingsScope;
  profileId: string;
  selected: readonly string[];
}

export interface SelectionRead {
  records: SelectedRecord[];
  settings: LockSettings;
  settingsSource: SettingsSource;
}

/**
 * The selected records Zoho shows the viewer (one read) beside the module's settings: none read
 * when the cached ones are fresh, three when cold. Rejects with the first read that failed.
 */
export async function readSelection({ calls, store, now, scope, profileId, selected }: SelectionReadOptions): Promise<SelectionRead> {
  const cache = createSettingsCache({ store, now, scope });
  const settingsSource = createSettingsSource({ settings: calls.settings, cache, profileId, module: scope.module });
  const cached = settingsSource.cached();
  const [records, settings] = await Promise.all([
    calls.selection.readSelected(scope.module, selected),
    cached?.fresh ? cached.settings : settingsSource.read(),
  ]);
  return { records, settings, settingsSource };
}
