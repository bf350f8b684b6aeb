/**
 * Records of a supported module: list, read one, insert, update (one or many) and delete.
 * Every change passes Zoho's guards (Zia processing, approval, record locking,
 * If-Unmodified-Since) and re-runs the module's locking rules.
 */
import { z } from 'zod';
import { readJsonObject } from '../body';
import { ERRORS, errorResponse, fail, jsonResponse, noContent, zohoError } from '../errors';
import { isItemError, missingField, type ItemError } from '../item-error';
import { combined, itemFailure, type ItemResult } from '../item-results';
import { findModule, type ModuleMeta } from '../modules';
import { ownerOf } from '../owner-input';
import { CLOSED_STATUS, taskChange } from '../task-input';
import { recordSuccessDetails, renderRecord } from '../record-json';
import { refuseChange, refuseDelete, unmodifiedSinceOf } from '../record-changes';
import { newRecord } from '../new-record';
import { applyLockingRules, findRecord, recordsOf, removeLocks } from '../store';
import { zohoTime } from '../zoho-time';
import { fieldsParam, isZohoId, type Handler, type RouteContext } from './context';

const MAX_RECORDS_PER_CALL = 100;

const RecordsBody = z.object({ data: z.array(z.record(z.string(), z.unknown())).min(1) });

/** Fields Zoho requires on insert, per module. */
const MANDATORY: Record<string, string[]> = {
  Leads: ['Last_Name'],
  Contacts: ['Last_Name'],
  Accounts: ['Account_Name'],
  Deals: ['Deal_Name', 'Stage'],
};


const moduleOf = (context: RouteContext): ModuleMeta => {
  const module = findModule(context.params['module'] ?? '');
  if (!module) return fail(ERRORS.invalidModule, { resource_path_index: 0 });
  return module;
};

/** Only the module's writable fields are kept; Zoho ignores system and `$` keys in a body. */
const writableChange = (module: ModuleMeta, item: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(item).filter(([key]) =>
      module.fields.some((f) => f.api_name === key && !f.read_only && key !== 'Owner'),
    ),
  );

const TASKS = 'Tasks';

/** The change an item asks for: Tasks checks its fields as Zoho does; other modules keep their writable fields. */
const changeOf = (
  context: RouteContext,
  module: ModuleMeta,
  item: Record<string, unknown>,
  index: number,
  creating: boolean,
): Record<string, unknown> | ItemError => {
  if (module.apiName === TASKS) return taskChange(context.state, item, index, creating, context.call.picklists);
  const change = writableChange(module, item);
  if (!creating) return change;
  const missing = (MANDATORY[module.apiName] ?? [module.nameField]).find(
    (name) => change[name] === undefined || change[name] === null || change[name] === '',
  );
  return missing === undefined ? change : missingField(index, missing);
};

/** A task closes when its Status becomes Completed and reopens when it leaves it. */
const closedTimeOf = (module: ModuleMeta, before: Record<string, unknown>, after: Record<string, unknown>, now: Date) => {
  if (module.apiName !== TASKS) return {};
  const closed = after['Status'] === CLOSED_STATUS;
  if (closed === (before['Status'] === CLOSED_STATUS) && 'Closed_Time' in before) return {};
  return { Closed_Time: closed ? zohoTime(now) : null };
};

const readItems = async (request: Request): Promise<Record<string, unknown>[]> => {
  const parsed = RecordsBody.safeParse(await readJsonObject(request));
  if (!parsed.success) return fail(ERRORS.invalidBody, { expected_data_type: 'jsonarray', api_name: 'data' });
  if (parsed.data.data.length > MAX_RECORDS_PER_CALL) fail(ERRORS.recordsLimit, { limit: MAX_RECORDS_PER_CALL });
  return parsed.data.data;
};


export const listRecords: Handler = (context) => {
  const module = moduleOf(context);
  const fields = fieldsParam(context.url);
  if (fields === null || fields.length === 0) return errorResponse(ERRORS.requiredParamMissing, { param_name: 'fields' });
  const page = Math.max(1, Number.parseInt(context.url.searchParams.get('page') ?? '1', 10) || 1);
  const perPage = Math.min(200, Math.max(1, Number.parseInt(context.url.searchParams.get('per_page') ?? '200', 10) || 200));
  const all = recordsOf(context.state, module.apiName);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  if (slice.length === 0) return noContent();
  return jsonResponse(200, {
    data: slice.map((r) => renderRecord(context.state, module.apiName, r, fields, context.caller, context.call.picklists)),
    info: {
      per_page: perPage,
      count: slice.length,
      page,
      sort_by: 'id',
      sort_order: 'desc',
      more_records: page * perPage < all.length,
      next_page_token: null,
      previous_page_token: null,
      page_token_expiry: null,
    },
  });
};

export const getRecord: Handler = (context) => {
  const module = moduleOf(context);
  const id = context.params['recordId'] ?? '';
  if (!isZohoId(id)) return errorResponse(ERRORS.invalidId, { resource_path_index: 1 });
  const record = findRecord(context.state, module.apiName, id);
  if (!record) return noContent();
  return jsonResponse(200, { data: [renderRecord(context.state, module.apiName, record, fieldsParam(context.url), context.caller, context.call.picklists)] });
};

const updateOne = (
  context: RouteContext,
  module: ModuleMeta,
  item: Record<string, unknown>,
  id: unknown,
  index: number,
  unmodifiedSince: number | null,
): ItemResult => {
  const { state, caller, now } = context;
  if (id === undefined || id === null) {
    const entry = ERRORS.mandatoryNotFound;
    return { status: entry.status, body: zohoError(entry, { api_name: 'id', json_path: `$.data[${index}].id` }) };
  }
  const record = typeof id === 'string' ? findRecord(state, module.apiName, id) : undefined;
  if (!record) {
    return { status: ERRORS.invalidId.status, body: zohoError(ERRORS.invalidId, { id: String(id) }) };
  }
  const change = changeOf(context, module, item, index, false);
  if (isItemError(change)) return itemFailure(change);
  // Owner is applied only on insert; an update naming someone who cannot own records is still refused, as an insert is.
  const owner = ownerOf(state, item, index);
  if (isItemError(owner)) return itemFailure(owner);
  const refusal = refuseChange(state, module.apiName, record, change, caller, unmodifiedSince);
  if (refusal) return { status: refusal.entry.status, body: refusal.body };
  const fields = { ...record.fields, ...change };
  record.fields = { ...fields, ...closedTimeOf(module, record.fields, fields, now) };
  record.modifiedById = caller.user.id;
  record.modifiedTime = zohoTime(now);
  applyLockingRules(state, module.apiName, record, now);
  return {
    status: 200,
    body: { code: 'SUCCESS', details: recordSuccessDetails(state, record), message: 'record updated', status: 'success' },
  };
};

export const updateRecord: Handler = async (context) => {
  const module = moduleOf(context);
  const id = context.params['recordId'] ?? '';
  if (!isZohoId(id)) return errorResponse(ERRORS.invalidId, { resource_path_index: 1 });
  const items = await readItems(context.request);
  const since = unmodifiedSinceOf(context.request);
  const results = items
    .slice(0, 1)
    .map((item, i) => updateOne(context, module, item, id, i, since));
  return combined(results, 200);
};

export const updateRecords: Handler = async (context) => {
  const module = moduleOf(context);
  const items = await readItems(context.request);
  const since = unmodifiedSinceOf(context.request);
  const results = items.map((item, i) => updateOne(context, module, item, item['id'], i, since));
  return combined(results, 200);
};

const insertOne = (context: RouteContext, module: ModuleMeta, item: Record<string, unknown>, index: number): ItemResult => {
  const { state, caller, now } = context;
  const change = changeOf(context, module, item, index, true);
  if (isItemError(change)) return itemFailure(change);
  const owner = ownerOf(state, item, index);
  if (isItemError(owner)) return itemFailure(owner);
  const record = newRecord(state, { ...change, ...closedTimeOf(module, {}, change, now) }, {
    ownerId: owner ?? caller.user.id,
    callerId: caller.user.id,
    now,
  });
  recordsOf(state, module.apiName).push(record);
  applyLockingRules(state, module.apiName, record, now);
  return {
    status: 201,
    body: { code: 'SUCCESS', details: recordSuccessDetails(state, record), message: 'record added', status: 'success' },
  };
};

export const insertRecords: Handler = async (context) => {
  const module = moduleOf(context);
  const items = await readItems(context.request);
  const results = items.map((item, i) => insertOne(context, module, item, i));
  return combined(results, 201);
};

export const deleteRecord: Handler = (context) => {
  const { state } = context;
  const module = moduleOf(context);
  const id = context.params['recordId'] ?? '';
  if (!isZohoId(id)) return errorResponse(ERRORS.invalidId, { resource_path_index: 1 });
  const record = findRecord(state, module.apiName, id);
  if (!record) return jsonResponse(400, { data: [zohoError(ERRORS.invalidId, { id })] });
  const refused = refuseDelete(state, module.apiName, record, context.caller);
  if (refused) return jsonResponse(refused.entry.status, { data: [refused.body] });
  state.records[module.apiName] = recordsOf(state, module.apiName).filter((r) => r.id !== id);
  removeLocks(state, (l) => !(l.module === module.apiName && l.recordId === id));
  return jsonResponse(200, { data: [{ code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' }] });
};
