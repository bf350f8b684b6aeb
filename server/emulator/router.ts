/**
 * Maps `/crm/{v7|v8}/...` to a handler: authenticates, matches the path, refuses unknown
 * methods and modules, checks the token's scopes, then runs the handler. A handler's thrown
 * ZohoFailure becomes its answer; an unknown path is INVALID_URL_PATTERN, never a silent 200.
 */
import {
  authenticate,
  coqlScope,
  lockScope,
  moduleScope,
  SEARCH_SCOPE,
  notesScope,
  operationOf,
  operationsOf,
  settingsScope,
  usersScope,
  hasScopes,
  type LockScopeReading,
  type ScopeNeed,
} from './auth';
import { ERRORS, errorResponse, ZohoFailure } from './errors';
import { findModule, LOCKING_MODULE } from './modules';
import type { EmulatorState } from './state';
import type { Variant } from './variants';
import type { CallVariants, Handler } from './routes/context';
import { createConfiguration, deleteConfiguration, getConfiguration, updateConfiguration } from './routes/configurations';
import { runCoql } from './routes/coql';
import { listFields } from './routes/fields';
import { createNotes, createRecordNotes, listNotes, listRecordNotes } from './routes/notes';
import { listClosedTasks, listOpenTasks } from './routes/related-tasks';
import { getLock, getLockById, lockRecord, unlockRecord, updateReason } from './routes/locks';
import { getProfile, listProfiles } from './routes/profiles';
import { deleteRecord, getRecord, insertRecords, listRecords, updateRecord, updateRecords } from './routes/records';
import { searchNotSupported, searchRecords } from './routes/search';
import { getUser, listUsers, updateUser } from './routes/users';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Route {
  /** Literal segments, or `:name` for a parameter. */
  pattern: readonly string[];
  methods: Partial<Record<Method, Handler>>;
  scopes: (method: Method, params: Record<string, string>, variants: ReadonlySet<Variant>) => ScopeNeed;
}

const CONFIGURATIONS = 'record_locking_configurations';
const RESERVED_FIRST_SEGMENTS = new Set(['settings', 'users', 'org', 'coql', 'Locking_Information__s']);

/**
 * A module scope of the same operation beside Zoho's docs pages' lockinginformation scope, or
 * (`oas-lock-scopes`) beside its OpenAPI files' settings.modules scope.
 */
const lockReading = (variants: ReadonlySet<Variant>): LockScopeReading => (variants.has('oas-lock-scopes') ? 'oas' : 'docs');
const lockScopes = (method: Method, params: Record<string, string>, variants: ReadonlySet<Variant>): ScopeNeed => [
  lockScope(operationOf(method), lockReading(variants)),
  moduleScope(params['module'] ?? '', [operationOf(method)]),
];
const recordScopes = (method: Method, params: Record<string, string>): ScopeNeed => [
  moduleScope(params['module'] ?? '', [operationOf(method)]),
];
/** Zoho's search docs: the module's READ scope and ZohoSearch's secure search scope. */
const searchScopes = (method: Method, params: Record<string, string>): ScopeNeed => [
  moduleScope(params['module'] ?? '', [operationOf(method)]),
  SEARCH_SCOPE,
];

/** Notes on a record: the parent module's scope and the notes scope, for the same operation. */
const recordNotesScopes = (method: Method, params: Record<string, string>): ScopeNeed => [
  moduleScope(params['module'] ?? '', operationsOf(method)),
  notesScope(method),
];
/** A record's tasks: reading the record and reading tasks. */
const relatedTasksScopes = (_method: Method, params: Record<string, string>): ScopeNeed => [
  moduleScope(params['module'] ?? '', ['READ']),
  moduleScope('Tasks', ['READ']),
];

const ROUTES: readonly Route[] = [
  { pattern: ['coql'], methods: { POST: runCoql }, scopes: () => [coqlScope()] },
  { pattern: ['Notes'], methods: { GET: listNotes, POST: createNotes }, scopes: (m) => [notesScope(m)] },
  {
    pattern: [':module', ':recordId', 'Notes'],
    methods: { GET: listRecordNotes, POST: createRecordNotes },
    scopes: recordNotesScopes,
  },
  { pattern: [':module', ':recordId', 'Tasks'], methods: { GET: listOpenTasks }, scopes: relatedTasksScopes },
  { pattern: [':module', ':recordId', 'Tasks_History'], methods: { GET: listClosedTasks }, scopes: relatedTasksScopes },
  { pattern: ['users'], methods: { GET: listUsers }, scopes: (m) => [usersScope(operationOf(m))] },
  { pattern: ['users', ':id'], methods: { GET: getUser, PUT: updateUser }, scopes: (m) => [usersScope(operationOf(m))] },
  {
    pattern: ['settings', 'profiles'],
    methods: { GET: listProfiles },
    scopes: (m) => [settingsScope('profiles', operationOf(m))],
  },
  {
    pattern: ['settings', 'profiles', ':id'],
    methods: { GET: getProfile },
    scopes: (m) => [settingsScope('profiles', operationOf(m))],
  },
  { pattern: ['settings', 'fields'], methods: { GET: listFields }, scopes: (m) => [settingsScope('fields', operationOf(m))] },
  {
    pattern: ['settings', CONFIGURATIONS],
    methods: { GET: getConfiguration, POST: createConfiguration, PUT: updateConfiguration, DELETE: deleteConfiguration },
    scopes: (m) => [settingsScope(CONFIGURATIONS, operationOf(m))],
  },
  {
    pattern: ['settings', CONFIGURATIONS, ':id'],
    methods: { GET: getConfiguration, PUT: updateConfiguration, DELETE: deleteConfiguration },
    scopes: (m) => [settingsScope(CONFIGURATIONS, operationOf(m))],
  },
  {
    pattern: [':module'],
    methods: { GET: listRecords, POST: insertRecords, PUT: updateRecords },
    scopes: recordScopes,
  },
  {
    pattern: [LOCKING_MODULE, 'search'],
    methods: { GET: searchNotSupported },
    scopes: (m, _params, variants) => [lockScope(operationOf(m), lockReading(variants))],
  },
  { pattern: [':module', 'search'], methods: { GET: searchRecords }, scopes: searchScopes },
  {
    pattern: [':module', ':recordId'],
    methods: { GET: getRecord, PUT: updateRecord, DELETE: deleteRecord },
    scopes: recordScopes,
  },
  {
    pattern: [':module', ':recordId', LOCKING_MODULE],
    methods: { GET: getLock, POST: lockRecord },
    scopes: lockScopes,
  },
  {
    pattern: [':module', ':recordId', LOCKING_MODULE, ':lockId'],
    methods: { GET: getLockById, PUT: updateReason, DELETE: unlockRecord },
    scopes: lockScopes,
  },
];

const PREFIX = /^\/crm\/v[78](\/.*)?$/;

const match = (segments: readonly string[]): { route: Route; params: Record<string, string> } | undefined => {
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = route.pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (!part.startsWith(':')) return part === segment;
      if (part === ':module' && RESERVED_FIRST_SEGMENTS.has(segment)) return false;
      params[part.slice(1)] = segment;
      return true;
    });
    if (fits) return { route, params };
  }
  return undefined;
};

/** The path's segments after `/crm/v8`, decoded; undefined outside the API. */
export const segmentsOf = (pathname: string): string[] | undefined => {
  const found = PREFIX.exec(pathname);
  if (!found) return undefined;
  try {
    return (found[1] ?? '').split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
};

const isMethod = (method: string): method is Method => ['GET', 'POST', 'PUT', 'DELETE'].includes(method);

export const routeRequest = async (
  state: EmulatorState,
  request: Request,
  now: Date,
  call: CallVariants,
): Promise<Response> => {
  const url = new URL(request.url);
  const segments = segmentsOf(url.pathname);
  if (!segments) return errorResponse(ERRORS.invalidUrlPattern);
  const caller = authenticate(state, request, now);
  if (caller instanceof Response) return caller;
  const found = match(segments);
  if (!found) return errorResponse(ERRORS.invalidUrlPattern);
  const { route, params } = found;
  const method = request.method.toUpperCase();
  const handler = isMethod(method) ? route.methods[method] : undefined;
  if (!handler || !isMethod(method)) return errorResponse(ERRORS.invalidRequestMethod);
  if (params['module'] !== undefined && !findModule(params['module'])) {
    return errorResponse(ERRORS.invalidModule, { resource_path_index: 0 });
  }
  if (!hasScopes(caller.scopes, route.scopes(method, params, call.variants))) return errorResponse(ERRORS.scopeMismatch);
  try {
    return await handler({ state, caller, request, url, params, now, call });
  } catch (error) {
    if (error instanceof ZohoFailure) return error.response;
    throw error;
  }
};
