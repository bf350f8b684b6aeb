import './model/model-base';
import type { CrmOptions } from './crm/crm-options';
import { lockReads } from './crm/lock-reads';
import { onDemandCalls } from './crm/on-demand-calls';
import { selectedRecordCalls } from './crm/selected-records';
import type { ListCalls } from './model/list-calls';

/**
 * The list view button page's calls: the selection read at once, the rest when first wanted, with
 * the code that uses them (one part each: the runs with their writes and notes, the settings reads).
 */
export const connectList = (options: CrmOptions): ListCalls => ({
  selection: selectedRecordCalls(options),
  locks: lockReads(options),
  writes: onDemandCalls(() => import('./model/list-runs').then((code) => code.lockWrites(options))),
  activity: onDemandCalls(() => import('./model/page-follow-up').then((code) => code.activityCalls(options))),
  settings: onDemandCalls(() => import('./model/settings-read').then((code) => code.settingsCalls(options))),
});
