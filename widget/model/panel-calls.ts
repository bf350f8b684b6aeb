import type { LockReads } from '../crm/lock-reads';
import type { LockWrites } from '../crm/lock-writes';
import type { RecordCalls } from '../crm/records';
import type { SettingsCalls } from '../crm/settings-calls';

/**
 * The Zoho calls the record panel makes. What only some views need is fetched when first asked for:
 * the changes when a form opens, the settings reads when no cached settings are fresh.
 */
export interface PanelCalls {
  locks: LockReads;
  records: RecordCalls;
  writes(): Promise<LockWrites>;
  settings(): Promise<SettingsCalls>;
}
