/**
 * Whether a change to a record is allowed: Zia image processing, approval, record locking,
 * and If-Unmodified-Since, in that order. Returns Zoho's per-record error, or null.
 */
import type { Caller } from './auth';
import { ERRORS, zohoError, type ErrorEntry, type ZohoErrorBody } from './errors';
import { configurationOf, lockOf } from './store';
import type { EmulatorState, RecordState } from './state';

export interface RecordRefusal {
  entry: ErrorEntry;
  body: ZohoErrorBody;
}

const refuse = (entry: ErrorEntry, details: Record<string, unknown>): RecordRefusal => ({
  entry,
  body: zohoError(entry, details),
});

/** Field names whose values the change actually alters. */
export const changedFields = (record: RecordState, change: Record<string, unknown>): string[] =>
  Object.keys(change).filter((key) => JSON.stringify(record.fields[key] ?? null) !== JSON.stringify(change[key] ?? null));

const exempt = (state: EmulatorState, module: string, caller: Caller): boolean => {
  const configuration = configurationOf(state, module);
  return (
    configuration?.locked_for === 'all_profiles_except_excluded_profiles' &&
    configuration.lock_excluded_profiles.some((p) => p.id === caller.profile.id)
  );
};

/** A record whose lock holds for this caller (not exempt by profile): Zoho's `$locked_for_me`. */
export const lockHolds = (state: EmulatorState, module: string, record: RecordState, caller: Caller): boolean =>
  lockOf(state, module, record.id) !== undefined && !exempt(state, module, caller);

/** Zia image processing or a pending approval holds a record against any change, locking included. */
export const holdRefusal = (record: RecordState): RecordRefusal | null => {
  if (record.ziaVisionProcessing) {
    return refuse(ERRORS.ziaVisionProcessing, { id: record.id, action: 'zia_vision_processing' });
  }
  if (record.approvalState !== 'approved') return refuse(ERRORS.notApproved, { id: record.id });
  return null;
};

/** Deleting is refused on a locked record when the configuration restricts "delete". */
export const refuseDelete = (
  state: EmulatorState,
  module: string,
  record: RecordState,
  caller: Caller,
): RecordRefusal | null => {
  const hold = holdRefusal(record);
  if (hold) return hold;
  const restricted = configurationOf(state, module)?.restricted_actions.includes('delete') ?? false;
  return restricted && lockHolds(state, module, record, caller)
    ? refuse(ERRORS.recordLocked, { action: 'record_locking', id: record.id })
    : null;
};

export const refuseChange = (
  state: EmulatorState,
  module: string,
  record: RecordState,
  change: Record<string, unknown>,
  caller: Caller,
  unmodifiedSince: number | null,
): RecordRefusal | null => {
  const hold = holdRefusal(record);
  if (hold) return hold;
  if (lockHolds(state, module, record, caller)) {
    const excluded = new Set(configurationOf(state, module)?.excluded_fields.map((f) => f.api_name) ?? []);
    const blocked = changedFields(record, change).filter((name) => !excluded.has(name));
    if (blocked.length > 0) return refuse(ERRORS.recordLocked, { action: 'record_locking', id: record.id });
  }
  if (unmodifiedSince !== null && Date.parse(record.modifiedTime) > unmodifiedSince) {
    return refuse(ERRORS.alreadyModified, { id: record.id });
  }
  return null;
};

/** `If-Unmodified-Since` as epoch milliseconds, or null when absent or unreadable. */
export const unmodifiedSinceOf = (request: Request): number | null => {
  const header = request.headers.get('if-unmodified-since');
  if (header === null) return null;
  const time = Date.parse(header);
  return Number.isNaN(time) ? null : time;
};
