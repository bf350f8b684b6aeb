/**
 * A record's related lists of tasks: `Tasks` (open tasks) and `Tasks_History` (closed ones),
 * `GET /{module}/{id}/Tasks?fields=…`, a page at a time; 204 when there are none.
 */
import { ERRORS, errorResponse, jsonResponse, noContent } from '../errors';
import { renderRecord } from '../record-json';
import { relatedPage } from '../related-page';
import { CLOSED_STATUS } from '../task-input';
import { findRecord, recordsOf } from '../store';
import { fieldsParam, isZohoId, type Handler, type RouteContext } from './context';

const TASKS = 'Tasks';

const relatedTasks = (context: RouteContext, closed: boolean): Response => {
  const { state, params, url } = context;
  const module = params['module'] ?? '';
  const id = params['recordId'] ?? '';
  if (!isZohoId(id)) return errorResponse(ERRORS.invalidId, { resource_path_index: 1 });
  const fields = fieldsParam(url);
  if (fields === null || fields.length === 0) return errorResponse(ERRORS.requiredParamMissing, { param_name: 'fields' });
  if (!findRecord(state, module, id)) return errorResponse(ERRORS.invalidRelatedId, { resource_path_index: 1 });
  const tasks = recordsOf(state, TASKS).filter((task) => {
    const what = task.fields['What_Id'] as { id?: unknown } | null | undefined;
    return task.fields['$se_module'] === module && what?.id === id && (task.fields['Status'] === CLOSED_STATUS) === closed;
  });
  const { rows, info } = relatedPage(url, tasks, { sortBy: 'id', sortOrder: 'desc' });
  if (rows.length === 0) return noContent();
  const picklists = context.call.picklists;
  return jsonResponse(200, { data: rows.map((task) => renderRecord(state, TASKS, task, fields, context.caller, picklists)), info });
};

export const listOpenTasks: Handler = (context) => relatedTasks(context, false);
export const listClosedTasks: Handler = (context) => relatedTasks(context, true);
