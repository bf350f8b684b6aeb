import type { LockReads } from '../crm/lock-reads';
import type { LockWrites } from '../crm/lock-writes';
import type { SelectedRecordCalls } from '../crm/selected-records';
import type { SettingsCalls } from '../crm/settings-calls';
import type { ActivityCalls } from './page-follow-up';

/**
 * The Zoho calls the list view's button page makes. The selection read comes at once; the rest
 * with the code that uses it: the changes, and the history notes and request answers after them,
 * when a run starts (or the reason box gets focus), the settings reads when no cached settings are fresh.
 */
export interface ListCalls {
  selection: SelectedRecordCalls;
  locks: LockReads;
  writes(): Promise<LockWrites>;
  /** A change's history note, and an unlock's answers to the open requests. */
  activity(): Promise<ActivityCalls>;
  settings(): Promise<SettingsCalls>;
}
