/**
 * `POST /coql` with `{"select_query": "…"}`: the route checks `ZohoCRM.coql.READ`; the module the
 * query names needs its own READ scope (Notes: the notes scope, and administrators only).
 */
import { z } from 'zod';
import { hasScopes, moduleScope, notesScope } from '../auth';
import { readJsonObject } from '../body';
import { runQuery } from '../coql/evaluate';
import { parseQuery } from '../coql/parse';
import { ERRORS, errorResponse, jsonResponse, noContent } from '../errors';
import { findStoredModule, NOTES_MODULE } from '../modules';
import { renderNote } from '../note-json';
import { renderRecord } from '../record-json';
import { recordsOf } from '../store';
import type { Handler } from './context';

const CoqlBody = z.object({ select_query: z.string().trim().min(1) });

export const runCoql: Handler = async ({ state, caller, request }) => {
  const body = CoqlBody.safeParse(await readJsonObject(request));
  if (!body.success) return errorResponse(ERRORS.requiredParamMissing, { param_name: 'select_query' });
  const query = parseQuery(body.data.select_query);
  const module = findStoredModule(query.module);
  if (!module) return errorResponse(ERRORS.coqlInvalidQuery, { clause: 'from', module_name: query.module });
  const isNotes = module === NOTES_MODULE;
  const scope = isNotes ? notesScope('GET') : moduleScope(module.apiName, ['READ']);
  if (!hasScopes(caller.scopes, [scope])) return errorResponse(ERRORS.scopeMismatch);
  if (isNotes && caller.profile.name !== 'Administrator') return errorResponse(ERRORS.notesReadDenied);
  const rows = recordsOf(state, module.apiName).map((record) =>
    isNotes ? renderNote(state, record, null) : renderRecord(state, module.apiName, record, null, caller),
  );
  const { data, moreRecords } = runQuery(query, module, rows, state.users);
  if (data.length === 0) return noContent();
  return jsonResponse(200, { data, info: { count: data.length, more_records: moreRecords } });
};
