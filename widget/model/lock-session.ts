import type { Lock, RecordRef } from '../crm/types';
import type { SettingsSource } from './lock-settings';
import type { PanelCalls } from './panel-calls';

/** The three changes a viewer can make; also names the form or confirm step that is open. */
export type LockAction = 'lock' | 'editReason' | 'unlock';

/** A change Zoho confirmed: what the viewer did, the lock before it and the lock now (null after an unlock). */
export interface ConfirmedChange {
  action: LockAction;
  before: Lock | null;
  after: Lock | null;
}

/** A started record: what every read and change works on. */
export interface Session {
  calls: PanelCalls;
  record: RecordRef;
  userId: string;
  settings: SettingsSource;
}
