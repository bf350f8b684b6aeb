import type { LockedRecordSearch } from '../crm/locked-records';
import type { LockedRecordQuery } from '../crm/locked-records-query';
import type { LockReads } from '../crm/lock-reads';
import type { LockWrites } from '../crm/lock-writes';
import type { OpenRequestCalls } from '../crm/open-requests';
import type { SettingsCalls } from '../crm/settings-calls';
import type { ActivityCalls } from './page-follow-up';

/**
 * The Zoho calls the Locked records tab makes. What only some views need is fetched when first
 * asked for: the settings reads, the changes and what an unlock writes after them.
 */
export interface TabCalls {
  locks: LockReads;
  search: LockedRecordSearch;
  writes(): Promise<LockWrites>;
  settings(): Promise<SettingsCalls>;
  openRequests(): Promise<OpenRequestCalls>;
  /** COQL for locked records, where the search refuses `Locked__s` or misses locks. */
  query(): Promise<LockedRecordQuery>;
  /** An unlock's history note and request answers: fetched with the changes. */
  activity(): Promise<ActivityCalls>;
}
