/**
 * Runs a parsed COQL query over a module's rows: filters with the where clause, sorts (by id when
 * no order is given), and cuts the page with offset and limit. Lookups compare by id; text compares
 * without regard to case; a null value matches only `is null`.
 */
import { ERRORS, fail } from '../errors';
import type { ModuleMeta } from '../modules';
import { compareIds, type UserState } from '../state';
import { columnKind, type ColumnKind } from './columns';
import { columnsOf, type Condition, type Literal, type Query } from './query';

export type Row = Record<string, unknown>;

export interface QueryResult {
  data: Row[];
  moreRecords: boolean;
}

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '';

const lookupId = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' ? value.id : undefined;

/** A column's value in a row; dotted parts of a user lookup come from the org's users. */
const valueAt = (row: Row, column: string, users: readonly UserState[]): unknown => {
  const [base = '', part] = column.split('.');
  const value = row[base];
  if (part === undefined) return value;
  const id = lookupId(value);
  if (id === undefined || part === 'id') return id ?? null;
  const user = users.find((u) => u.id === id);
  if (!user) return null;
  if (part === 'full_name') return `${user.first_name} ${user.last_name}`;
  return (user as unknown as Record<string, unknown>)[part] ?? null;
};

const invalidValue = (column: string): never => fail(ERRORS.coqlInvalidValue, { column_name: column });

/** A comparable form of a value of this kind: numbers and times as numbers, text in lower case. */
const comparable = (kind: ColumnKind, value: unknown, column: string, fromQuery: boolean): number | string | boolean | undefined => {
  if (isEmpty(value)) return undefined;
  switch (kind) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return fromQuery ? invalidValue(column) : undefined;
    case 'id': {
      const id = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
      // Padded so that ids of different lengths still order as numbers when compared as text.
      return id !== undefined && /^\d{1,32}$/.test(id) ? id.padStart(32, '0') : fromQuery ? invalidValue(column) : undefined;
    }
    case 'number': {
      const number = Number(value);
      return Number.isFinite(number) ? number : fromQuery ? invalidValue(column) : undefined;
    }
    case 'datetime': {
      const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isFinite(time) ? time : fromQuery ? invalidValue(column) : undefined;
    }
    case 'date':
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      return fromQuery ? invalidValue(column) : undefined;
    case 'lookup':
    case 'user-lookup':
      return fromQuery ? String(value) : lookupId(value);
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value).toLowerCase() : undefined;
  }
};

const likePattern = (pattern: string): RegExp =>
  new RegExp(`^${pattern.split('%').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'is');

const LOOKUP_OPERATORS = new Set(['=', '!=']);

const compare = (a: number | string | boolean, b: number | string | boolean): number => (a < b ? -1 : a > b ? 1 : 0);

type Test = (row: Row) => boolean;

/** Checks every column and value once, then returns the row test. */
const compile = (module: ModuleMeta, condition: Condition, users: readonly UserState[]): Test => {
  if ('left' in condition) {
    const left = compile(module, condition.left, users);
    const right = compile(module, condition.right, users);
    return condition.kind === 'and' ? (row) => left(row) && right(row) : (row) => left(row) || right(row);
  }
  const { column } = condition;
  const kind = columnKind(module, column, 'where');
  const actual = (row: Row) => comparable(kind, valueAt(row, column, users), column, false);
  const isLookup = kind === 'lookup' || kind === 'user-lookup';
  switch (condition.kind) {
    case 'null':
      return (row) => isEmpty(valueAt(row, column, users)) !== condition.negated;
    case 'like': {
      if (kind !== 'text') return fail(ERRORS.coqlInvalidQuery, { column_name: column, operator: 'like' });
      const pattern = likePattern(condition.pattern);
      return (row) => {
        const value = actual(row);
        return typeof value === 'string' && pattern.test(value) !== condition.negated;
      };
    }
    case 'in': {
      const wanted = condition.values.map((v: Literal) => comparable(kind, v, column, true));
      return (row) => {
        const value = actual(row);
        return value !== undefined && wanted.includes(value) !== condition.negated;
      };
    }
    case 'compare': {
      if (isLookup && !LOOKUP_OPERATORS.has(condition.operator)) {
        return fail(ERRORS.coqlInvalidQuery, { column_name: column, operator: condition.operator });
      }
      const wanted = comparable(kind, condition.value, column, true);
      if (wanted === undefined) return invalidValue(column);
      const { operator } = condition;
      return (row) => {
        const value = actual(row);
        if (value === undefined) return false;
        const order = compare(value, wanted);
        if (operator === '=') return order === 0;
        if (operator === '!=') return order !== 0;
        if (operator === '<') return order < 0;
        if (operator === '>') return order > 0;
        if (operator === '<=') return order <= 0;
        return order >= 0;
      };
    }
  }
};

/** The selected columns of a row, plus id; a lookup reads as `{id}`, as COQL answers it. */
const selected = (row: Row, columns: readonly string[], users: readonly UserState[]): Row => {
  const out: Row = {};
  for (const column of columns) {
    const value = valueAt(row, column, users);
    const id = column.includes('.') ? undefined : lookupId(value);
    out[column] = id === undefined ? (value ?? null) : { id };
  }
  return { ...out, id: row['id'] };
};

const duplicated = (names: readonly string[]): string | undefined => names.find((name, i) => names.indexOf(name) !== i);

export const runQuery = (query: Query, module: ModuleMeta, rows: readonly Row[], users: readonly UserState[]): QueryResult => {
  const kinds = new Map(query.columns.map((column) => [column, columnKind(module, column, 'select')]));
  const selectDuplicate = duplicated(query.columns);
  if (selectDuplicate !== undefined) fail(ERRORS.coqlDuplicate, { column_name: selectDuplicate, clause: 'select' });
  const orderDuplicate = duplicated(query.orderBy.map((o) => o.column));
  if (orderDuplicate !== undefined) fail(ERRORS.coqlDuplicate, { column_name: orderDuplicate, clause: 'order by' });
  columnsOf(query.where).forEach((column) => kinds.set(column, columnKind(module, column, 'where')));
  const order = query.orderBy.map((o) => ({ ...o, kind: columnKind(module, o.column, 'order by') }));
  const test = compile(module, query.where, users);

  const sortKey = (row: Row, column: string, kind: ColumnKind) => comparable(kind, valueAt(row, column, users), column, false);
  const sorted = rows.filter(test).sort((a, b) => {
    for (const { column, direction, kind } of order) {
      const x = sortKey(a, column, kind);
      const y = sortKey(b, column, kind);
      // Empty values sort first going up and last going down.
      const result = x === undefined ? (y === undefined ? 0 : -1) : y === undefined ? 1 : compare(x, y);
      if (result !== 0) return direction === 'asc' ? result : -result;
    }
    return compareIds(String(a['id']), String(b['id']));
  });
  const page = sorted.slice(query.offset, query.offset + query.limit);
  return { data: page.map((row) => selected(row, query.columns, users)), moreRecords: query.offset + query.limit < sorted.length };
};
