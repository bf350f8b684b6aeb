/**
 * `GET /{module}/search`: records matching `criteria` (or `email`, `phone`, `word`), a page at a
 * time, newest id first unless `sort_by`/`sort_order` say otherwise, never past the 2,000th match.
 */
import { ERRORS, errorResponse, fail, jsonResponse, noContent } from '../errors';
import { findModule, LOCKING_MODULE, type ModuleMeta } from '../modules';
import { renderRecord } from '../record-json';
import { parseCriteria, type SearchNode } from '../search-criteria';
import { recordMatches, refuseConditions, searchableType } from '../search-match';
import type { RecordState } from '../state';
import { recordsOf, userRefOf } from '../store';
import { shownValue } from '../task-picklists';
import { fieldsParam, type Handler, type RouteContext } from './context';

const MAX_CRITERIA = 10;
/** Zoho's search iterates at most this many matches; a page starting past it is LIMIT_REACHED. */
const ITERATION_LIMIT = 2000;
const MAX_PER_PAGE = 200;

const SEARCH_PARAMS = ['criteria', 'email', 'phone', 'word'] as const;
const LOCKED_FIELD = 'Locked__s';

/** Zoho: criteria wins over email, email over phone, phone over word; the rest are ignored. */
const chosenSearch = (url: URL): { kind: (typeof SEARCH_PARAMS)[number]; value: string } | null => {
  for (const kind of SEARCH_PARAMS) {
    const value = url.searchParams.get(kind);
    if (value !== null && value !== '') return { kind, value };
  }
  return null;
};

const fieldsOfType = (module: ModuleMeta, types: readonly string[]): string[] =>
  module.fields.filter((f) => types.includes(f.data_type)).map((f) => f.api_name);

/** `email`, `phone` and `word` as the criteria they stand for: any field of those types containing the value. */
const freeTextCriteria = (module: ModuleMeta, kind: 'email' | 'phone' | 'word', value: string): SearchNode => {
  const types = kind === 'email' ? ['email'] : kind === 'phone' ? ['phone'] : ['text', 'textarea', 'email', 'phone', 'website', 'picklist'];
  const items: SearchNode[] = fieldsOfType(module, types).map((field) => ({
    kind: 'condition',
    field,
    operator: searchableType(module, field) === 'picklist' ? 'in' : 'equals',
    values: [value],
  }));
  return { kind: 'group', operator: 'or', items };
};

/** The search's criteria, or null when it names Locked__s, which the index lacks (`locked-search-unindexed`). */
const criteriaOf = (context: RouteContext, module: ModuleMeta): SearchNode | null => {
  const search = chosenSearch(context.url);
  if (!search) return fail(ERRORS.searchParamMissing, { param_names: [...SEARCH_PARAMS] });
  if (search.kind !== 'criteria') {
    const tooShort = search.value.trim().length < (search.kind === 'phone' ? 3 : 2);
    if (tooShort) fail(ERRORS.searchValueInvalid, { param_name: search.kind });
    return freeTextCriteria(module, search.kind, search.value);
  }
  const parsed = parseCriteria(search.value);
  if (!parsed.ok) return fail(ERRORS.invalidQuery, { reason: parsed.reason });
  if (parsed.conditions.length > MAX_CRITERIA) fail(ERRORS.criteriaLimit);
  const { variants } = context.call;
  const unsearchable = new Set(variants.has('locked-search-refused') ? [LOCKED_FIELD] : []);
  const refusal = refuseConditions(module, parsed.conditions, unsearchable);
  if (refusal) fail(refusal.entry, refusal.details);
  if (variants.has('locked-search-unindexed') && parsed.conditions.some((c) => c.field === LOCKED_FIELD)) return null;
  return parsed.node;
};

const positiveInt = (url: URL, name: string, fallback: number): number => {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) return fail(ERRORS.invalidData, { param_name: name });
  return value;
};

/** A value's place in the order: numbers as numbers, lookups by name, digit strings (ids) padded to one width. */
const sortKey = (value: unknown): number | string => {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? String((value as { name?: unknown }).name ?? '') : String(value);
  return /^\d{1,32}$/.test(text) ? text.padStart(32, '0') : text.toLowerCase();
};

const compareKeys = (a: number | string, b: number | string): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

const sortOf = (url: URL, module: ModuleMeta): { by: string; order: 'asc' | 'desc' } => {
  const by = url.searchParams.get('sort_by') ?? 'id';
  const order = url.searchParams.get('sort_order') ?? 'desc';
  if (by !== 'id' && searchableType(module, by) === undefined) fail(ERRORS.invalidData, { param_name: 'sort_by' });
  if (order !== 'asc' && order !== 'desc') fail(ERRORS.invalidData, { param_name: 'sort_order' });
  return { by, order: order === 'asc' ? 'asc' : 'desc' };
};

const canView = (context: RouteContext, module: string): boolean =>
  context.caller.profile.permissions_details.some((p) => p.name === `Crm_Implied_View_${module}` && p.enabled);

export const searchRecords: Handler = (context) => {
  const { state, url } = context;
  const module = findModule(context.params['module'] ?? '');
  if (!module) return errorResponse(ERRORS.invalidModule, { resource_path_index: 0 });
  if (!canView(context, module.apiName)) return errorResponse(ERRORS.readPermissionDenied);
  const criteria = criteriaOf(context, module);
  if (criteria === null) return noContent();
  const page = positiveInt(url, 'page', 1);
  const perPage = positiveInt(url, 'per_page', MAX_PER_PAGE);
  if (perPage > MAX_PER_PAGE) return errorResponse(ERRORS.invalidData, { param_name: 'per_page', maximum_length: MAX_PER_PAGE });
  const sort = sortOf(url, module);
  const start = (page - 1) * perPage;
  if (start >= ITERATION_LIMIT) return errorResponse(ERRORS.searchLimitReached, { limit: String(ITERATION_LIMIT) });

  const picklists = context.call.picklists;
  // One pass over the locks, so that Locked__s costs a lookup per record, not a scan.
  const locked = new Set(state.locks.filter((l) => l.module === module.apiName).map((l) => l.recordId));
  const valueOf = (record: RecordState, apiName: string): unknown => {
    // Locked__s as the index holds it, which may trail the locks (`locked-search-lag`).
    if (apiName === LOCKED_FIELD) return context.call.indexedLock(module.apiName, record.id, locked.has(record.id));
    if (apiName === 'Created_Time') return record.createdTime;
    if (apiName === 'Modified_Time') return record.modifiedTime;
    if (apiName === 'id') return record.id;
    if (apiName === 'Owner') return userRefOf(state, record.ownerId);
    return shownValue(picklists, module.apiName, apiName, record.fields[apiName]);
  };
  const matches = recordsOf(state, module.apiName).filter((r) => recordMatches(module, criteria, (name) => valueOf(r, name)));
  const direction = sort.order === 'asc' ? 1 : -1;
  const keyed = matches.map((record) => ({ record, key: sortKey(valueOf(record, sort.by)), id: sortKey(record.id) }));
  keyed.sort((a, b) => direction * (compareKeys(a.key, b.key) || compareKeys(a.id, b.id)));

  const end = Math.min(start + perPage, ITERATION_LIMIT);
  const slice = keyed.slice(start, end).map((k) => k.record);
  if (slice.length === 0) return noContent();
  return jsonResponse(200, {
    data: slice.map((r) => renderRecord(state, module.apiName, r, fieldsParam(url), context.caller, picklists)),
    info: { per_page: perPage, count: slice.length, page, sort_by: sort.by, sort_order: sort.order, more_records: matches.length > end },
  });
};

/** The locking module's own records are not searchable. */
export const searchNotSupported: Handler = () => errorResponse(ERRORS.searchNotSupported, { module: LOCKING_MODULE });
