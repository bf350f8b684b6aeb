import './model/model-base';
import type { CrmOptions } from './crm/crm-options';
import { createLockedRecordSearch } from './crm/locked-records';
import { lockReads } from './crm/lock-reads';
import { onDemandCalls } from './crm/on-demand-calls';
import * as part from './model/tab-part';
import type { TabCalls } from './model/tab-calls';

/**
 * The Locked records tab's calls: the search, lock reads and request counts at once, the rest when
 * first wanted, with the code that uses them (one part each).
 */
export const connectTab = (options: CrmOptions): TabCalls => ({
  locks: lockReads(options),
  search: createLockedRecordSearch(options),
  writes: onDemandCalls(() => import('./model/row-changes').then((code) => code.lockWrites(options))),
  settings: onDemandCalls(() => import('./model/settings-read').then((code) => code.settingsCalls(options))),
  openRequests: async () => part.openRequestCalls(options),
  query: async () => part.createLockedRecordQuery(options),
  activity: onDemandCalls(() => import('./model/page-follow-up').then((code) => code.activityCalls(options))),
});

/** What the tab fetches as it starts, in one request: its calls and the code that reads the list. */
export const tabCode = { connect: connectTab, part };
