import type { LockReads } from '../crm/lock-reads';
import type { LockWrites } from '../crm/lock-writes';
import type { NoteCalls } from '../crm/notes';
import type { SelectedRecordCalls } from '../crm/selected-records';
import type { SettingsCalls } from '../crm/settings-calls';

/**
 * The Zoho calls the list view's button page makes. The selection read comes at once; the rest
 * with the code that uses it: the changes and their history notes when a run starts (or the
 * reason box gets focus), the settings reads when no cached settings are fresh.
 */
export interface ListCalls {
  selection: SelectedRecordCalls;
  locks: LockReads;
  writes(): Promise<LockWrites>;
  notes(): Promise<NoteCalls>;
  settings(): Promise<SettingsCalls>;
}
