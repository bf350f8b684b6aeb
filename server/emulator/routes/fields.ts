/**
 * `/settings/fields?module=M`: field metadata, including Locking_Information__s. A task's Status
 * and Priority carry the org's `pick_list_values`, as Zoho's field metadata does for a picklist.
 */
import { ERRORS, errorResponse, jsonResponse } from '../errors';
import { LOCK_FIELDS, LOCKING_MODULE, findModule, type FieldMeta } from '../modules';
import { isTaskPicklistField, type TaskPicklists } from '../task-picklists';
import type { Handler } from './context';

const renderField = (module: string, field: FieldMeta, picklists: TaskPicklists): Record<string, unknown> => ({
  api_name: field.api_name,
  id: field.id,
  display_label: field.display_label,
  field_label: field.display_label,
  data_type: field.data_type,
  json_type: field.data_type === 'boolean' ? 'boolean' : field.data_type.includes('lookup') ? 'jsonobject' : 'string',
  length: field.length,
  read_only: field.read_only,
  system_mandatory: false,
  custom_field: false,
  ...(module === 'Tasks' && isTaskPicklistField(field.api_name)
    ? { pick_list_values: picklists[field.api_name].map((value) => ({ ...value })) }
    : {}),
});

export const listFields: Handler = ({ url, call }) => {
  const module = url.searchParams.get('module');
  if (module === null || module === '') return errorResponse(ERRORS.requiredParamMissing, { param_name: 'module' });
  const fields = module === LOCKING_MODULE ? LOCK_FIELDS : findModule(module)?.fields;
  if (!fields) return errorResponse(ERRORS.invalidModule, { param_name: 'module' });
  const picklists = call.picklists;
  return jsonResponse(200, { fields: fields.map((field) => renderField(module, field, picklists)) });
};
