/**
 * Notes: `POST /Notes` and `POST /{module}/{id}/Notes` add notes to records, `GET /{module}/{id}/Notes`
 * reads a record's notes a page at a time, and `GET /Notes` (administrators only) reads every note.
 */
import { z } from 'zod';
import { hasScopes, moduleScope } from '../auth';
import { readJsonObject } from '../body';
import { ERRORS, errorResponse, fail, jsonResponse, noContent } from '../errors';
import { isItemError, invalidField } from '../item-error';
import { combined, itemFailure, itemSuccess, type ItemResult } from '../item-results';
import { noteInput } from '../note-input';
import { parentOf, renderNote, type NoteParent } from '../note-json';
import { recordSuccessDetails } from '../record-json';
import { relatedPage } from '../related-page';
import { newRecord } from '../new-record';
import type { RecordState } from '../state';
import { findRecord, recordsOf } from '../store';
import { fieldsParam, isZohoId, type Handler, type RouteContext } from './context';

const NOTES = 'Notes';
const MAX_NOTES_PER_CALL = 100;
const NotesBody = z.object({ data: z.array(z.record(z.string(), z.unknown())).min(1) });

const readItems = async (request: Request): Promise<Record<string, unknown>[]> => {
  const parsed = NotesBody.safeParse(await readJsonObject(request));
  if (!parsed.success) return fail(ERRORS.invalidBody, { expected_data_type: 'jsonarray', api_name: 'data' });
  if (parsed.data.data.length > MAX_NOTES_PER_CALL) fail(ERRORS.recordsLimit, { limit: MAX_NOTES_PER_CALL });
  return parsed.data.data;
};

/** The record a record-scoped URL names; it must exist. */
const urlParent = (context: RouteContext): NoteParent => {
  const module = context.params['module'] ?? '';
  const id = context.params['recordId'] ?? '';
  if (!isZohoId(id) || !findRecord(context.state, module, id)) fail(ERRORS.invalidRelatedId, { resource_path_index: 1 });
  return { module, id };
};

const addNote = (context: RouteContext, item: Record<string, unknown>, index: number, fixed?: NoteParent): ItemResult => {
  const { state, caller, now } = context;
  const input = noteInput(item, index);
  if (isItemError(input)) return itemFailure(input);
  const parent = input.parent ?? fixed;
  if (!parent) return itemFailure({ entry: ERRORS.mandatoryNotFound, details: { api_name: 'Parent_Id', json_path: `$.data[${index}].Parent_Id` } });
  // On a record's URL a Parent_Id in the body must name that same record.
  if (fixed && (parent.module !== fixed.module || parent.id !== fixed.id)) return itemFailure(invalidField(index, 'Parent_Id'));
  if (!findRecord(state, parent.module, parent.id)) {
    return itemFailure({ entry: ERRORS.invalidRelatedId, details: { api_name: 'Parent_Id', json_path: `$.data[${index}].Parent_Id.id` } });
  }
  const note = newRecord(
    state,
    { Note_Title: input.title, Note_Content: input.content, Parent_Id: { module: { api_name: parent.module }, id: parent.id } },
    { ownerId: caller.user.id, callerId: caller.user.id, now },
  );
  recordsOf(state, NOTES).push(note);
  return itemSuccess(201, 'record added', recordSuccessDetails(state, note));
};

export const createRecordNotes: Handler = async (context) => {
  const parent = urlParent(context);
  const items = await readItems(context.request);
  return combined(items.map((item, i) => addNote(context, item, i, parent)), 201);
};

/** `POST /Notes`: the route checks the notes scope; each parent's module scope is checked here. */
export const createNotes: Handler = async (context) => {
  const items = await readItems(context.request);
  const parents = items.map((item, i) => noteInput(item, i)).flatMap((input) => (isItemError(input) || !input.parent ? [] : [input.parent]));
  const allowed = parents.every((p) => hasScopes(context.caller.scopes, [moduleScope(p.module, ['CREATE', 'WRITE'])]));
  if (!allowed) return errorResponse(ERRORS.scopeMismatch);
  return combined(items.map((item, i) => addNote(context, item, i)), 201);
};

const notesAnswer = (context: RouteContext, notes: RecordState[]): Response => {
  const { state, url } = context;
  const fields = fieldsParam(url);
  if (fields === null || fields.length === 0) return errorResponse(ERRORS.requiredParamMissing, { param_name: 'fields' });
  // Zoho's default is oldest first (a user may choose otherwise in the UI); the related-notes OpenAPI
  // file documents sort_by and sort_order, the v8 docs page does not (`notes-unsorted`).
  const unsorted = context.call.variants.has('notes-unsorted');
  const { rows, info } = relatedPage(url, notes, { sortBy: 'Created_Time', sortOrder: 'asc' }, unsorted);
  if (rows.length === 0) return noContent();
  return jsonResponse(200, { data: rows.map((note) => renderNote(state, note, fields)), info });
};

export const listRecordNotes: Handler = (context) => {
  const { module, id } = urlParent(context);
  const notes = recordsOf(context.state, NOTES).filter((note) => {
    const parent = parentOf(note);
    return parent?.module === module && parent.id === id;
  });
  return notesAnswer(context, notes);
};

/** Zoho lets only administrators read every note of the org at once. */
export const listNotes: Handler = (context) => {
  if (context.caller.profile.name !== 'Administrator') return errorResponse(ERRORS.notesReadDenied);
  return notesAnswer(context, recordsOf(context.state, NOTES));
};
