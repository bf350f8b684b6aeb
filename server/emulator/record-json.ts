/** A record as Zoho's records API returns it: its fields plus the system fields and `$` keys. */
import type { Caller } from './auth';
import { lockHolds } from './record-changes';
import { recordDisplayName } from './record-name';
import { findRecord, lockOf, userRefOf } from './store';
import type { EmulatorState, RecordState } from './state';
import { shownValue, type TaskPicklists } from './task-picklists';

/** `What_Id` as Zoho reads it back: `{name, id}` of the related record named by `$se_module`. */
const relatedRecordRef = (state: EmulatorState, fields: Record<string, unknown>): Record<string, unknown> => {
  const what = fields['What_Id'];
  const module = fields['$se_module'];
  if (typeof what !== 'object' || what === null || !('id' in what) || typeof what.id !== 'string') return {};
  const related = typeof module === 'string' ? findRecord(state, module, what.id) : undefined;
  return { What_Id: { name: related ? recordDisplayName(module as string, related.fields) : null, id: what.id } };
};

/** `picklists`: the org's, whose display values a task's Status and Priority show. */
export const renderRecord = (
  state: EmulatorState,
  module: string,
  record: RecordState,
  fields: readonly string[] | null,
  caller: Caller,
  picklists: TaskPicklists,
): Record<string, unknown> => {
  const owner = state.users.find((u) => u.id === record.ownerId);
  const emailOf = (userId: string): string | null => state.users.find((u) => u.id === userId)?.email ?? null;
  const { $se_module: seModule, ...own } = record.fields;
  const all: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(own).map(([key, value]) => [key, shownValue(picklists, module, key, value)])),
    ...relatedRecordRef(state, record.fields),
    Owner: { ...userRefOf(state, record.ownerId), email: owner?.email ?? null },
    // Zoho names each user lookup with the user's email (its record examples; the OpenAPI files type it a string).
    Created_By: { ...userRefOf(state, record.createdById), email: emailOf(record.createdById) },
    Modified_By: { ...userRefOf(state, record.modifiedById), email: emailOf(record.modifiedById) },
    Created_Time: record.createdTime,
    Modified_Time: record.modifiedTime,
    Locked__s: lockOf(state, module, record.id) !== undefined,
  };
  const chosen = Object.fromEntries(Object.entries(all).filter(([key]) => fields === null || fields.includes(key)));
  return {
    ...chosen,
    ...(seModule === undefined ? {} : { $se_module: seModule }),
    id: record.id,
    $approval_state: record.approvalState,
    $approved: record.approvalState === 'approved',
    $editable: true,
    // Locked, and the caller's profile is not exempt from the lock.
    $locked_for_me: lockHolds(state, module, record, caller),
    $zia_visions: null,
  };
};

/** The `details` of a record success item. */
export const recordSuccessDetails = (state: EmulatorState, record: RecordState): Record<string, unknown> => ({
  Modified_Time: record.modifiedTime,
  Modified_By: userRefOf(state, record.modifiedById),
  Created_Time: record.createdTime,
  id: record.id,
  Created_By: userRefOf(state, record.createdById),
});
