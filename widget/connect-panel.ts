import './model/model-base';
import type { CrmOptions } from './crm/crm-options';
import { lockReads } from './crm/lock-reads';
import { onDemandCalls } from './crm/on-demand-calls';
import { recordCalls } from './crm/records';
import type { PanelCalls } from './model/panel-calls';

/**
 * The record panel's calls: the lock and record reads at once, the rest when first wanted, with the
 * code that uses them (one part each: the changes with their calls, the settings reads with theirs).
 */
export const connectPanel = (options: CrmOptions): PanelCalls => ({
  locks: lockReads(options),
  records: recordCalls(options),
  writes: onDemandCalls(() => import('./model/lock-changes').then((code) => code.lockWrites(options))),
  settings: onDemandCalls(() => import('./model/settings-read').then((code) => code.settingsCalls(options))),
});
