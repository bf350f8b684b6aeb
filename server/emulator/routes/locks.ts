/**
 * `/{module}/{record_id}/Locking_Information__s[/{record_locking_id}]`: read, lock, edit the
 * reason, unlock. Zoho's checks run in Zoho's order: configuration, record, permission, the lock
 * id's form, body, then the lock's own state. A write receives its whole body before it looks
 * anything up, so that a call landing while the body arrives cannot leave it acting on a lock that
 * is gone.
 */
import { z } from 'zod';
import { canLock } from '../auth';
import { readJsonObject } from '../body';
import { ERRORS, errorResponse, fail, failItem, jsonResponse, noContent, ZohoFailure } from '../errors';
import { renderLock } from '../lock-json';
import { REASON_MAX_LENGTH } from '../modules';
import { holdRefusal } from '../record-changes';
import { newId } from '../state';
import type { LockState, RecordState } from '../state';
import { configurationOf, findRecord, lockOf, removeLocks, userRef } from '../store';
import { zohoTime } from '../zoho-time';
import { fieldsParam, isZohoId, type Handler, type RouteContext } from './context';

const LIST_INFO = {
  per_page: 200,
  count: 1,
  page: 1,
  more_records: false,
  next_page_token: null,
  previous_page_token: null,
  page_token_expiry: null,
};

const LockBody = z.object({ data: z.array(z.record(z.string(), z.unknown())).min(1).max(1) });

const REASON_PATH = { api_name: 'Locked_Reason__s', json_path: '$.data[0].Locked_Reason__s' };

/** Checks shared by every verb: a configuration exists, the record id is valid and names a record. */
const lockedRecord = (context: RouteContext): RecordState => {
  const { state, params } = context;
  const module = params['module'] ?? '';
  const recordId = params['recordId'] ?? '';
  if (!isZohoId(recordId)) fail(ERRORS.invalidRelatedId, { resource_path_index: 1 });
  if (!configurationOf(state, module)) fail(ERRORS.configurationMissing, { resource_path_index: 2 });
  const record = findRecord(state, module, recordId);
  if (!record) return fail(ERRORS.relationNotFound, {});
  return record;
};

/**
 * The request's JSON body, received in full. A body Zoho would refuse is kept and raised when the
 * handler reaches the body check, so that the earlier checks still answer first.
 */
const receivedBody = async (request: Request): Promise<() => Record<string, unknown>> => {
  try {
    const body = await readJsonObject(request);
    return () => body;
  } catch (error) {
    if (!(error instanceof ZohoFailure)) throw error;
    return () => {
      throw error;
    };
  }
};

/** The reason from `{"data":[{"Locked_Reason__s":"..."}]}`, trimmed, or a field-level error. */
const reasonOf = (body: Record<string, unknown>): string => {
  const parsed = LockBody.safeParse(body);
  if (!parsed.success) return fail(ERRORS.invalidBody, { expected_data_type: 'jsonarray', api_name: 'data' });
  const raw = parsed.data.data[0]?.['Locked_Reason__s'];
  if (raw !== undefined && raw !== null && typeof raw !== 'string') {
    return failItem('data', ERRORS.invalidData, { ...REASON_PATH, expected_data_type: 'string' });
  }
  const reason = (raw ?? '').trim();
  if (reason === '') return failItem('data', ERRORS.mandatoryNotFound, REASON_PATH);
  if ([...reason].length > REASON_MAX_LENGTH) {
    return failItem('data', ERRORS.invalidData, { ...REASON_PATH, maximum_length: REASON_MAX_LENGTH });
  }
  return reason;
};

/** PUT and DELETE name a lock id that is not an id as INVALID_DATA at index 3 (GET: INVALID_URL_PATTERN). */
const checkLockIdForm = (context: RouteContext): void => {
  if (!isZohoId(context.params['lockId'] ?? '')) fail(ERRORS.invalidId, { resource_path_index: 3 });
};

/** The record's current lock named by the URL, or INVALID_DATA as Zoho words it. */
const namedLock = (context: RouteContext, record: RecordState): LockState => {
  const module = context.params['module'] ?? '';
  const lock = lockOf(context.state, module, record.id);
  if (!lock) return fail(ERRORS.relationNotFound, {});
  if (lock.id !== context.params['lockId']) return fail(ERRORS.invalidId, { resource_path_index: 3 });
  return lock;
};

export const getLock: Handler = (context) => {
  const record = lockedRecord(context);
  const fields = fieldsParam(context.url);
  if (fields === null || fields.length === 0) return errorResponse(ERRORS.requiredParamMissing, { param_name: 'fields' });
  const lock = lockOf(context.state, context.params['module'] ?? '', record.id);
  if (!lock) return noContent();
  return jsonResponse(200, { data: [renderLock(context.state, lock, context.caller, fields)], info: LIST_INFO });
};

export const getLockById: Handler = (context) => {
  if (!isZohoId(context.params['lockId'] ?? '')) return errorResponse(ERRORS.invalidUrlPattern);
  const record = lockedRecord(context);
  const lock = lockOf(context.state, context.params['module'] ?? '', record.id);
  if (!lock || lock.id !== context.params['lockId']) return noContent();
  return jsonResponse(200, { data: [renderLock(context.state, lock, context.caller, fieldsParam(context.url))] });
};

export const lockRecord: Handler = async (context) => {
  const body = await receivedBody(context.request);
  const { state, caller, now } = context;
  const module = context.params['module'] ?? '';
  const record = lockedRecord(context);
  if (!canLock(caller.profile, module)) fail(ERRORS.lockPermissionDenied, { resource_path_index: 1 });
  const reason = reasonOf(body());
  const configuration = configurationOf(state, module);
  if (configuration?.lock_type === 'automatic') fail(ERRORS.onlyAutomaticLocking, { resource_path_index: 1 });
  if (lockOf(state, module, record.id)) fail(ERRORS.alreadyLocked, { resource_path_index: 1 });
  const hold = holdRefusal(record);
  if (hold) fail(hold.entry, hold.body.details);
  const time = zohoTime(now);
  const lock: LockState = {
    id: newId(state),
    module,
    recordId: record.id,
    reason,
    source: 'Manual',
    lockedAt: time,
    lockedById: caller.user.id,
    ruleId: null,
    configurationId: configuration?.id ?? '',
    createdById: caller.user.id,
    modifiedById: caller.user.id,
    createdTime: time,
    modifiedTime: time,
  };
  state.locks.push(lock);
  const by = userRef(caller.user);
  // The OpenAPI file allows `details` of the id alone (`minimal-lock-answer`); the docs pages' example has them all.
  const details = context.call.variants.has('minimal-lock-answer')
    ? { id: lock.id }
    : { Modified_Time: time, Modified_By: by, Created_Time: time, id: lock.id, Created_By: by };
  return jsonResponse(201, { data: [{ code: 'SUCCESS', details, message: 'record added', status: 'success' }] });
};

export const updateReason: Handler = async (context) => {
  const body = await receivedBody(context.request);
  const { caller, now } = context;
  const module = context.params['module'] ?? '';
  const record = lockedRecord(context);
  if (!canLock(caller.profile, module)) fail(ERRORS.lockPermissionDenied, { resource_path_index: 1 });
  checkLockIdForm(context);
  const reason = reasonOf(body());
  const lock = namedLock(context, record);
  // Only a purely manual lock has an editable reason; Zoho answers one a rule holds as "already locked".
  if (lock.source !== 'Manual') fail(ERRORS.alreadyLocked, { resource_path_index: 1 });
  lock.reason = reason;
  lock.modifiedById = caller.user.id;
  lock.modifiedTime = zohoTime(now);
  return jsonResponse(200, {
    data: [{ code: 'SUCCESS', details: { id: lock.id }, message: 'relation updated', status: 'success' }],
  });
};

export const unlockRecord: Handler = (context) => {
  const { state, caller } = context;
  const module = context.params['module'] ?? '';
  const record = lockedRecord(context);
  if (!canLock(caller.profile, module)) fail(ERRORS.unlockPermissionDenied, { resource_path_index: 1 });
  checkLockIdForm(context);
  const lock = namedLock(context, record);
  // A lock a rule holds ("Automatic" or "Both") stays while the record matches the rule.
  if (lock.source !== 'Manual') fail(ERRORS.automaticUnlockRefused, { resource_path_index: 1 });
  removeLocks(state, (l) => l.id !== lock.id);
  return jsonResponse(200, {
    data: [{ code: 'SUCCESS', details: { id: lock.id }, message: 'relation removed', status: 'success' }],
  });
};
