/** Checks one answer's body against a documented JSON schema: ajv's 2020-12 dialect for OAS 3.1, draft-07 with `nullable` for 3.0. */
import Ajv, { type ErrorObject } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import type { OasGeneration } from './oas-documents';

// Formats (date-time, int64, …) are not checked: Zoho's files use some ajv does not know.
const options = { strict: false, allErrors: true, validateFormats: false } as const;
const validators = { '3.1': new Ajv2020(options), '3.0': new Ajv(options) };

const MAX_LINES = 12;

/** One error as a line; items of an array count as one place (`/fields/*`), so a list's errors are said once. */
const lineOf = (error: ErrorObject): string => {
  const where = (error.instancePath || '/').replace(/\/\d+(?=\/|$)/g, '/*');
  const params = error.params as Record<string, unknown>;
  const extra = 'additionalProperty' in params ? ` (${String(params['additionalProperty'])})` : '';
  const allowed = 'allowedValues' in params ? ` ${JSON.stringify(params['allowedValues'])}` : '';
  const passing = Array.isArray(params['passingSchemas']) ? ` (branches ${params['passingSchemas'].join(' and ')} both match)` : '';
  return `${where} ${error.message ?? error.keyword}${extra}${allowed}${passing}`;
};

/** Null when the body fits the schema, else ajv's errors, one line each (at most 12, then how many more). */
export const schemaErrors = (generation: OasGeneration, schema: unknown, body: unknown): string[] | null => {
  const validate = validators[generation].compile(schema as object);
  if (validate(body)) return null;
  const lines = [...new Set((validate.errors ?? []).map(lineOf))];
  return lines.length <= MAX_LINES ? lines : [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more`];
};
