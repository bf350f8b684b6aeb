/**
 * COQL's grammar, by recursive descent:
 *   select <column>[, …] from <Module> where <criteria>
 *     [order by <column> [asc|desc][, …]] [limit [<offset>,] <n>] [offset <n>]
 * Criteria: <column> =|!=|<>|<|>|<=|>= <value>, [not] like '<pattern>', [not] in (<values>),
 * is [not] null, joined by and/or with brackets (see criteria.ts). Keywords are case-insensitive.
 */
import { ERRORS, fail } from '../errors';
import { criteria } from './criteria';
import {
  DEFAULT_LIMIT,
  MAX_COLUMNS,
  MAX_CRITERIA,
  MAX_LIMIT,
  MAX_ROWS,
  criteriaCount,
  type Condition,
  type OrderBy,
  type Query,
} from './query';
import { tokenCursor, type TokenCursor } from './token-cursor';

const clauseMissing = (clause: string): never => fail(ERRORS.coqlClause, { clause });

const selectClause = (cursor: TokenCursor): string[] => {
  cursor.expectKeyword('select');
  const columns = [cursor.columnName()];
  while (cursor.peek().text === ',') {
    cursor.next();
    columns.push(cursor.columnName());
  }
  if (columns.length > MAX_COLUMNS) fail(ERRORS.coqlLimit, { clause: 'select', limit: MAX_COLUMNS });
  return columns;
};

/** A query that ends where a clause should begin lacks that clause; anything else there is a syntax error. */
const fromClause = (cursor: TokenCursor): string => {
  if (!cursor.isKeyword('from')) return cursor.peek().kind === 'end' ? clauseMissing('from') : cursor.unexpected();
  cursor.next();
  return cursor.columnName();
};

const whereClause = (cursor: TokenCursor): Condition => {
  if (!cursor.isKeyword('where')) {
    const missing = cursor.peek().kind === 'end' || cursor.isKeyword('order') || cursor.isKeyword('limit');
    return missing ? clauseMissing('where') : cursor.unexpected();
  }
  cursor.next();
  const where = criteria(cursor);
  if (criteriaCount(where) > MAX_CRITERIA) fail(ERRORS.coqlLimit, { clause: 'where', limit: MAX_CRITERIA });
  return where;
};

const orderByClause = (cursor: TokenCursor): OrderBy[] => {
  const orderBy: OrderBy[] = [];
  if (!cursor.isKeyword('order')) return orderBy;
  cursor.next();
  cursor.expectKeyword('by');
  do {
    if (orderBy.length > 0) cursor.next();
    const column = cursor.columnName();
    const direction = cursor.isKeyword('desc') ? 'desc' : 'asc';
    if (cursor.isKeyword('asc') || cursor.isKeyword('desc')) cursor.next();
    orderBy.push({ column, direction });
  } while (cursor.peek().text === ',');
  return orderBy;
};

/** `limit <n>`, `limit <offset>, <n>` and `offset <n>`, the last one winning for the offset. */
const pagingClauses = (cursor: TokenCursor): { limit: number; offset: number } => {
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  if (cursor.isKeyword('limit')) {
    cursor.next();
    limit = cursor.integer();
    if (cursor.peek().text === ',') {
      cursor.next();
      offset = limit;
      limit = cursor.integer();
    }
  }
  if (cursor.isKeyword('offset')) {
    cursor.next();
    offset = cursor.integer();
  }
  return { limit, offset };
};

export const parseQuery = (text: string): Query => {
  const cursor = tokenCursor(text);
  const columns = selectClause(cursor);
  const module = fromClause(cursor);
  const where = whereClause(cursor);
  const orderBy = orderByClause(cursor);
  const { limit, offset } = pagingClauses(cursor);
  if (cursor.peek().kind !== 'end') cursor.unexpected();
  // The limits are checked once the whole query reads, so a syntax error further on is named first.
  if (limit > MAX_LIMIT) fail(ERRORS.coqlLimit, { clause: 'limit', limit: MAX_LIMIT });
  if (offset + limit > MAX_ROWS) fail(ERRORS.coqlLimit, { clause: 'offset', limit: MAX_ROWS });
  return { columns, module, where, orderBy, limit, offset };
};
