import type { CrmOptions } from '../../widget/crm/crm-options';
import { lockReads, type LockReads } from '../../widget/crm/lock-reads';
import { lockWrites, type LockWrites } from '../../widget/crm/lock-writes';
import { recordCalls, type RecordCalls } from '../../widget/crm/records';
import { settingsCalls, type SettingsCalls } from '../../widget/crm/settings-calls';

/** Every lock, record and settings call the pages make, over one host: for tests of the crm layer. */
export type Crm = LockReads & LockWrites & RecordCalls & SettingsCalls;

export const createCrm = (options: CrmOptions): Crm => ({
  ...lockReads(options),
  ...lockWrites(options),
  ...recordCalls(options),
  ...settingsCalls(options),
});
