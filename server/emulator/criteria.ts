/** Evaluates a locking rule's criteria against a record's field values. */
import type { Criteria, FieldCondition } from './state';

/** Lookups ({name, id}) compare by id or name; everything else by its plain value. */
const candidates = (value: unknown): unknown[] => {
  if (value !== null && typeof value === 'object') {
    const lookup = value as { id?: unknown; name?: unknown };
    return [lookup.id, lookup.name].filter((v) => v !== undefined);
  }
  return [value];
};

const asNumber = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
};

/** Numbers compare as numbers; dates and other text compare as text (ISO dates sort correctly). */
const compare = (left: unknown, right: unknown): number | null => {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== null && b !== null) return a - b;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return null;
};

const sameValue = (left: unknown, right: unknown): boolean => {
  if (left === null || left === undefined) return right === null || right === undefined || right === '';
  const order = compare(left, right);
  return order === null ? String(left) === String(right) : order === 0;
};

const conditionHolds = (condition: FieldCondition, fields: Record<string, unknown>): boolean => {
  const values = candidates(fields[condition.field.api_name]);
  switch (condition.comparator) {
    case 'equal':
      return values.some((v) => sameValue(v, condition.value));
    case 'not_equal':
      return values.every((v) => !sameValue(v, condition.value));
    case 'greater_than':
      return values.some((v) => (compare(v, condition.value) ?? 0) > 0);
    case 'less_than':
      return values.some((v) => (compare(v, condition.value) ?? 0) < 0);
  }
};

export const criteriaMatch = (criteria: Criteria, fields: Record<string, unknown>): boolean => {
  if ('group_operator' in criteria) {
    return criteria.group_operator === 'AND'
      ? criteria.group.every((c) => criteriaMatch(c, fields))
      : criteria.group.some((c) => criteriaMatch(c, fields));
  }
  return conditionHolds(criteria, fields);
};
