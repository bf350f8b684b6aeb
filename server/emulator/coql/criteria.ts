/**
 * The where clause's criteria: comparisons, `[not] like`, `[not] in (…)` and `is [not] null`,
 * joined by `and` (binding tighter) and `or`, with brackets.
 */
import { ERRORS, fail } from '../errors';
import { MAX_IN_VALUES, type Condition, type Literal } from './query';
import type { TokenCursor } from './token-cursor';

const COMPARATORS = new Set(['=', '!=', '<>', '<', '>', '<=', '>=']);

/** `(<value>, …)` after `in`. */
const valueList = (cursor: TokenCursor): Literal[] => {
  const open = cursor.next();
  if (open.text !== '(') return cursor.unexpected(open);
  const values: Literal[] = [cursor.literal()];
  while (cursor.peek().text === ',') {
    cursor.next();
    values.push(cursor.literal());
  }
  const close = cursor.next();
  if (close.text !== ')') return cursor.unexpected(close);
  if (values.length > MAX_IN_VALUES) fail(ERRORS.coqlLimit, { clause: 'where', limit: MAX_IN_VALUES });
  return values;
};

const comparison = (cursor: TokenCursor): Condition => {
  const column = cursor.columnName();
  const token = cursor.peek();
  if (token.kind === 'symbol' && COMPARATORS.has(token.text)) {
    cursor.next();
    const operator = token.text === '<>' ? '!=' : (token.text as '=' | '!=' | '<' | '>' | '<=' | '>=');
    return { kind: 'compare', column, operator, value: cursor.literal() };
  }
  if (cursor.isKeyword('is')) {
    cursor.next();
    const negated = cursor.isKeyword('not');
    if (negated) cursor.next();
    cursor.expectKeyword('null');
    return { kind: 'null', column, negated };
  }
  const negated = cursor.isKeyword('not');
  if (negated) cursor.next();
  if (cursor.isKeyword('like')) {
    cursor.next();
    const pattern = cursor.next();
    if (pattern.kind !== 'string') return cursor.unexpected(pattern);
    return { kind: 'like', column, pattern: pattern.value, negated };
  }
  if (cursor.isKeyword('in')) {
    cursor.next();
    return { kind: 'in', column, values: valueList(cursor), negated };
  }
  return cursor.unexpected();
};

const primary = (cursor: TokenCursor): Condition => {
  if (cursor.peek().text !== '(') return comparison(cursor);
  cursor.next();
  const inner = criteria(cursor);
  const close = cursor.next();
  if (close.text !== ')') return cursor.unexpected(close);
  return inner;
};

const conjunction = (cursor: TokenCursor): Condition => {
  let left = primary(cursor);
  while (cursor.isKeyword('and')) {
    cursor.next();
    left = { kind: 'and', left, right: primary(cursor) };
  }
  return left;
};

export const criteria = (cursor: TokenCursor): Condition => {
  let left = conjunction(cursor);
  while (cursor.isKeyword('or')) {
    cursor.next();
    left = { kind: 'or', left, right: conjunction(cursor) };
  }
  return left;
};
