/**
 * What a parsed search criteria means for a module: which operators each field type takes
 * (Zoho's table in the search docs), whether each value fits its field, and whether a record matches.
 */
import { ERRORS, type ErrorDetails, type ErrorEntry } from './errors';
import type { FieldMeta, ModuleMeta } from './modules';
import type { SearchCondition, SearchNode } from './search-criteria';

const ORDERED = ['equals', 'not_equal', 'greater_equal', 'greater_than', 'less_equal', 'less_than', 'between', 'in'];
const TEXT = ['equals', 'not_equal', 'starts_with', 'in'];
const CHOICE = ['equals', 'not_equal', 'in'];

/** Operators per data type; a lookup takes a user lookup's (Zoho lists the type, not its operators). */
const OPERATORS: Record<string, readonly string[]> = {
  date: ORDERED,
  datetime: ORDERED,
  integer: ORDERED,
  currency: ORDERED,
  decimal: ORDERED,
  double: ORDERED,
  bigint: ORDERED,
  percent: ORDERED,
  boolean: ['equals', 'not_equal'],
  textarea: ['equals', 'not_equal', 'starts_with'],
  ownerlookup: CHOICE,
  userlookup: CHOICE,
  lookup: CHOICE,
  picklist: CHOICE,
  autonumber: CHOICE,
  text: TEXT,
  email: TEXT,
  phone: TEXT,
  website: TEXT,
  multiselectpicklist: ['equals', 'not_equal', 'in', 'starts_with'],
};

const MAX_IN_VALUES = 100;

/** Record times Zoho lets a search name besides the module's own fields. */
const SYSTEM_FIELDS: readonly Pick<FieldMeta, 'api_name' | 'data_type'>[] = [
  { api_name: 'Created_Time', data_type: 'datetime' },
  { api_name: 'Modified_Time', data_type: 'datetime' },
];

export interface SearchRefusal {
  entry: ErrorEntry;
  details: ErrorDetails;
}

export const searchableType = (module: ModuleMeta, apiName: string): string | undefined =>
  (module.fields.find((f) => f.api_name === apiName) ?? SYSTEM_FIELDS.find((f) => f.api_name === apiName))?.data_type;

const isNumber = (value: string): boolean => value.trim() !== '' && Number.isFinite(Number(value));
const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const isDateTime = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/.test(value) && !Number.isNaN(Date.parse(value));

/** The type a value must have for the field, or null when any text will do. */
const expectedType = (dataType: string, value: string): string | null => {
  if (dataType === 'boolean') return /^(true|false)$/i.test(value) ? null : 'boolean';
  if (dataType === 'date') return isDate(value) ? null : 'date';
  if (dataType === 'datetime') return isDateTime(value) ? null : 'datetime';
  if (ORDERED === OPERATORS[dataType]) return isNumber(value) ? null : dataType;
  return null;
};

const valueCountRefusal = (condition: SearchCondition): SearchRefusal | null => {
  const count = condition.values.length;
  const { field: api_name, operator } = condition;
  if (operator === 'in' && count > MAX_IN_VALUES) return { entry: ERRORS.tooManyInValues, details: { param_name: api_name } };
  const fits = operator === 'between' ? count === 2 : operator === 'in' ? count >= 1 : count === 1;
  return fits ? null : { entry: ERRORS.invalidQuery, details: { api_name, operator, reason: 'wrong number of values for the operator' } };
};

/**
 * The first reason Zoho would refuse these conditions on this module, or null.
 * `unsearchable` names fields the org refuses to search on (the `locked-search-refused` variant).
 */
export const refuseConditions = (
  module: ModuleMeta,
  conditions: readonly SearchCondition[],
  unsearchable: ReadonlySet<string>,
): SearchRefusal | null => {
  for (const condition of conditions) {
    const { field: api_name, operator } = condition;
    const dataType = unsearchable.has(api_name) ? undefined : searchableType(module, api_name);
    if (dataType === undefined) return { entry: ERRORS.invalidQuery, details: { api_name, reason: 'the field is not available for search' } };
    if (!(OPERATORS[dataType] ?? []).includes(operator)) {
      return { entry: ERRORS.invalidQuery, details: { api_name, operator, reason: 'invalid operator found' } };
    }
    const counted = valueCountRefusal(condition);
    if (counted) return counted;
    const wrong = condition.values.map((v) => expectedType(dataType, v)).find((t) => t !== null);
    if (wrong) return { entry: ERRORS.invalidQuery, details: { api_name, expected_data_type: wrong, reason: 'invalid value given' } };
  }
  return null;
};

/** The texts a stored value answers to: a lookup by its id and name, a list by each item. */
const textsOf = (value: unknown): string[] => {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === 'object') {
    const lookup = value as { id?: unknown; name?: unknown };
    return [lookup.id, lookup.name].filter((v) => typeof v === 'string').map(String);
  }
  return [String(value)];
};

/** Numbers and times as numbers; dates compare as their ISO text, which sorts. */
const ordinal = (dataType: string, value: string): number | string =>
  dataType === 'datetime' ? Date.parse(value) : dataType === 'date' ? value.slice(0, 10) : Number(value);

const ordered = (dataType: string, stored: string, operator: string, values: string[]): boolean => {
  const left = ordinal(dataType, stored);
  const [low, high] = values.map((v) => ordinal(dataType, v));
  switch (operator) {
    case 'equals':
      return left === low;
    case 'in':
      return values.some((v) => ordinal(dataType, v) === left);
    case 'greater_than':
      return low !== undefined && left > low;
    case 'greater_equal':
      return low !== undefined && left >= low;
    case 'less_than':
      return low !== undefined && left < low;
    case 'less_equal':
      return low !== undefined && left <= low;
    case 'between':
      return low !== undefined && high !== undefined && left >= low && left <= high;
    default:
      return false;
  }
};

/** Zoho: `equals` on text acts like "contains", except on picklists; other comparisons ignore case. */
const holds = (dataType: string, stored: unknown, condition: SearchCondition): boolean => {
  const { operator, values } = condition;
  if (operator === 'not_equal') return !holds(dataType, stored, { ...condition, operator: 'in' });
  if (dataType === 'boolean') return stored === (values[0]?.toLowerCase() === 'true');
  const texts = textsOf(stored).map((t) => t.toLowerCase());
  const wanted = values.map((v) => v.toLowerCase());
  if (ORDERED.includes(operator) && OPERATORS[dataType] === ORDERED) {
    return texts.some((t) => ordered(dataType, t, operator, values));
  }
  switch (operator) {
    case 'equals': {
      const contains = ['text', 'textarea', 'email', 'phone', 'website'].includes(dataType);
      return texts.some((t) => (contains ? t.includes(wanted[0] ?? '') : t === wanted[0]));
    }
    case 'in':
      return texts.some((t) => wanted.includes(t));
    case 'starts_with':
      return texts.some((t) => t.startsWith(wanted[0] ?? ''));
    default:
      return false;
  }
};

/** Whether a record matches; `valueOf` reads a field of the record (Locked__s included). */
export const recordMatches = (module: ModuleMeta, node: SearchNode, valueOf: (apiName: string) => unknown): boolean => {
  if (node.kind === 'group') {
    return node.operator === 'and'
      ? node.items.every((item) => recordMatches(module, item, valueOf))
      : node.items.some((item) => recordMatches(module, item, valueOf));
  }
  return holds(searchableType(module, node.field) ?? 'text', valueOf(node.field), node);
};
