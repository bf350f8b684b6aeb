/** `/settings/fields?module=M`: field metadata, including Locking_Information__s. */
import { ERRORS, errorResponse, jsonResponse } from '../errors';
import { LOCK_FIELDS, LOCKING_MODULE, findModule, type FieldMeta } from '../modules';
import type { Handler } from './context';

const renderField = (field: FieldMeta): Record<string, unknown> => ({
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
});

export const listFields: Handler = ({ url }) => {
  const module = url.searchParams.get('module');
  if (module === null || module === '') return errorResponse(ERRORS.requiredParamMissing, { param_name: 'module' });
  const fields = module === LOCKING_MODULE ? LOCK_FIELDS : findModule(module)?.fields;
  if (!fields) return errorResponse(ERRORS.invalidModule, { param_name: 'module' });
  return jsonResponse(200, { fields: fields.map(renderField) });
};
