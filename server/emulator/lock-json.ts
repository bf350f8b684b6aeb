/** A lock as Zoho's Locking_Information__s record, seen by a given caller. */
import { canLock, type Caller } from './auth';
import { findModule } from './modules';
import { findRecord, userRefOf } from './store';
import type { EmulatorState, LockState, RecordState } from './state';

/** The display name Zoho shows for a record in lookups. */
export const recordName = (module: string, record: RecordState | undefined): string => {
  if (!record) return '';
  const fields = record.fields;
  if (typeof fields['Last_Name'] === 'string') {
    return [fields['First_Name'], fields['Last_Name']].filter((v) => typeof v === 'string' && v !== '').join(' ');
  }
  const nameField = findModule(module)?.nameField;
  const value = nameField === undefined ? undefined : fields[nameField];
  return typeof value === 'string' ? value : '';
};

/** Keys Zoho always returns, whatever `fields` asked for. */
const ALWAYS = new Set(['id']);

export const renderLock = (
  state: EmulatorState,
  lock: LockState,
  caller: Caller,
  fields: readonly string[] | null,
): Record<string, unknown> => {
  const module = findModule(lock.module);
  const editable = lock.source === 'Manual' && canLock(caller.profile, lock.module);
  const all: Record<string, unknown> = {
    Locked_By__s: lock.lockedById === null ? null : userRefOf(state, lock.lockedById),
    Record_Locking_Rule_Id__s: lock.ruleId,
    Locked_For__s: {
      module: { api_name: lock.module, id: module?.id ?? '' },
      name: recordName(lock.module, findRecord(state, lock.module, lock.recordId)),
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
