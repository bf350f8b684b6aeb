/** A lock as Zoho's Locking_Information__s record, seen by a given caller. */
import { canLock, type Caller } from './auth';
import { findModule } from './modules';
import { recordDisplayName } from './record-name';
import { findRecord, userRefOf } from './store';
import type { EmulatorState, LockState } from './state';

/** Keys Zoho always returns, whatever `fields` asked for. */
const ALWAYS = new Set(['id']);

export const renderLock = (
  state: EmulatorState,
  lock: LockState,
  caller: Caller,
  fields: readonly string[] | null,
): Record<string, unknown> => {
  const module = findModule(lock.module);
  const record = findRecord(state, lock.module, lock.recordId);
  const editable = lock.source === 'Manual' && canLock(caller.profile, lock.module);
  const all: Record<string, unknown> = {
    Locked_By__s: lock.lockedById === null ? null : userRefOf(state, lock.lockedById),
    Record_Locking_Rule_Id__s: lock.ruleId,
    Locked_For__s: {
      module: { api_name: lock.module, id: module?.id ?? '' },
      name: record ? recordDisplayName(lock.module, record.fields) : '',
      id: lock.recordId,
    },
    Locked_Reason__s: lock.reason,
    Record_Locking_Configuration_Id__s: lock.configurationId,
    id: lock.id,
    Lock_Source__s: lock.source,
    Locked_Time__s: lock.lockedAt,
    Feature_Type__s: 'record_locking',
  };
  const chosen = Object.fromEntries(
    Object.entries(all).filter(([key]) => fields === null || ALWAYS.has(key) || fields.includes(key)),
  );
  return {
    ...chosen,
    $field_states: null,
    $editable: editable,
    $sharing_permission: editable ? 'full_access' : 'read_only',
    $zia_visions: null,
  };
};
