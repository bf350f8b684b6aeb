/**
 * `POST /coql` with `{"select_query": "…"}`: the route checks `ZohoCRM.coql.READ`; the module the
 * query names needs its own READ scope (Notes: the notes scope, and administrators only).
 */
import { z } from 'zod';
import { hasScopes, moduleScope, notesScope } from '../auth';
import { readJsonObject } from '../body';
import { runQuery } from '../coql/evaluate';
import { parseQuery } from '../coql/parse';
import { columnsOf, type Query } from '../coql/query';
import { ERRORS, errorResponse, jsonResponse, noContent } from '../errors';
import { findStoredModule, NOTES_MODULE } from '../modules';
import { renderNote } from '../note-json';
import { renderRecord } from '../record-json';
import { recordsOf } from '../store';
import type { Handler } from './context';

const CoqlBody = z.object({ select_query: z.string().trim().min(1) });
const LOCKED_FIELD = 'Locked__s';

/** Where a query names Locked__s, which an org may refuse to query (`locked-coql-refused`). */
const lockedFieldClause = (query: Query): string | null => {
  const named = (columns: readonly string[]) => columns.some((column) => column.split('.')[0] === LOCKED_FIELD);
  if (named(query.columns)) return 'select';
  if (named(columnsOf(query.where))) return 'where';
  if (named(query.orderBy.map((order) => order.column))) return 'order by';
  return null;
};

export const runCoql: Handler = async ({ state, caller, request, call }) => {
  const body = CoqlBody.safeParse(await readJsonObject(request));
  // Zoho's COQL OpenAPI file and its example: the body's key is a mandatory field, not a parameter.
  if (!body.success) return errorResponse(ERRORS.mandatoryNotFound, { api_name: 'select_query' });
  const query = parseQuery(body.data.select_query);
  const module = findStoredModule(query.module);
  if (!module) return errorResponse(ERRORS.coqlInvalidQuery, { clause: 'from', module_name: query.module });
  const isNotes = module === NOTES_MODULE;
  const scope = isNotes ? notesScope('GET') : moduleScope(module.apiName, ['READ']);
  if (!hasScopes(caller.scopes, [scope])) return errorResponse(ERRORS.scopeMismatch);
  if (isNotes && caller.profile.name !== 'Administrator') return errorResponse(ERRORS.notesReadDenied);
  const refusedClause = call.variants.has('locked-coql-refused') ? lockedFieldClause(query) : null;
  if (refusedClause !== null) return errorResponse(ERRORS.coqlInvalidColumn, { column_name: LOCKED_FIELD, clause: refusedClause });
  const rows = recordsOf(state, module.apiName).map((record) =>
    isNotes ? renderNote(state, record, null) : renderRecord(state, module.apiName, record, null, caller, call.picklists),
  );
  const { data, moreRecords } = runQuery(query, module, rows, state.users);
  if (data.length === 0) return noContent();
  return jsonResponse(200, { data, info: { count: data.length, more_records: moreRecords } });
};
