/**
 * COQL's grammar, by recursive descent:
 *   select <column>[, …] from <Module> where <criteria>
 *     [order by <column> [asc|desc][, …]] [limit [<offset>,] <n>] [offset <n>]
 * Criteria: <column> =|!=|<>|<|>|<=|>= <value>, [not] like '<pattern>', [not] in (<values>),
 * is [not] null, joined by and/or with brackets. Keywords are case-insensitive.
 */
import { ERRORS, fail } from '../errors';
import {
  DEFAULT_LIMIT,
  MAX_COLUMNS,
  MAX_CRITERIA,
  MAX_IN_VALUES,
  MAX_LIMIT,
  MAX_ROWS,
  criteriaCount,
  type Condition,
  type Literal,
  type OrderBy,
  type Query,
} from './query';
import { syntaxErrorAt, tokenize, type Token } from './tokens';

const KEYWORDS = new Set(['select', 'from', 'where', 'and', 'or', 'not', 'like', 'in', 'is', 'null', 'order', 'by', 'asc', 'desc', 'limit', 'offset']);
const COMPARATORS = new Set(['=', '!=', '<>', '<', '>', '<=', '>=']);

export const parseQuery = (text: string): Query => {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): Token => tokens[at] ?? { kind: 'end', text: '', column: text.length };
  const next = (): Token => {
    const token = peek();
    at += 1;
    return token;
  };
  const unexpected = (token: Token = peek()): never => syntaxErrorAt(token.column, token.text);
  const isKeyword = (word: string, token: Token = peek()): boolean => token.kind === 'word' && token.text.toLowerCase() === word;
  const expectKeyword = (word: string): void => {
    if (!isKeyword(word)) unexpected();
    next();
  };
  const clauseMissing = (clause: string): never => fail(ERRORS.coqlClause, { clause });
  const columnName = (): string => {
    const token = next();
    if (token.kind !== 'word' || KEYWORDS.has(token.text.toLowerCase())) return unexpected(token);
    return token.text;
  };
  const integer = (): number => {
    const token = next();
    if (token.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) return unexpected(token);
    return token.value;
  };
  const literal = (): Literal => {
    const token = next();
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    if (token.kind === 'word' && (token.text.toLowerCase() === 'true' || token.text.toLowerCase() === 'false')) {
      return token.text.toLowerCase() === 'true';
    }
    return unexpected(token);
  };

  const comparison = (): Condition => {
    const column = columnName();
    const token = peek();
    if (token.kind === 'symbol' && COMPARATORS.has(token.text)) {
      next();
      const operator = token.text === '<>' ? '!=' : (token.text as '=' | '!=' | '<' | '>' | '<=' | '>=');
      return { kind: 'compare', column, operator, value: literal() };
    }
    if (isKeyword('is')) {
      next();
      const negated = isKeyword('not');
      if (negated) next();
      expectKeyword('null');
      return { kind: 'null', column, negated };
    }
    const negated = isKeyword('not');
    if (negated) next();
    if (isKeyword('like')) {
      next();
      const pattern = next();
      if (pattern.kind !== 'string') return unexpected(pattern);
      return { kind: 'like', column, pattern: pattern.value, negated };
    }
    if (isKeyword('in')) {
      next();
      if (next().text !== '(') return unexpected(tokens[at - 1]);
      const values: Literal[] = [literal()];
      while (peek().text === ',') {
        next();
        values.push(literal());
      }
      if (next().text !== ')') return unexpected(tokens[at - 1]);
      if (values.length > MAX_IN_VALUES) fail(ERRORS.coqlLimit, { clause: 'where', limit: MAX_IN_VALUES });
      return { kind: 'in', column, values, negated };
    }
    return unexpected();
  };

  const primary = (): Condition => {
    if (peek().text !== '(') return comparison();
    next();
    const inner = criteria();
    if (next().text !== ')') return unexpected(tokens[at - 1]);
    return inner;
  };
  const conjunction = (): Condition => {
    let left = primary();
    while (isKeyword('and')) {
      next();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const criteria = (): Condition => {
    let left = conjunction();
    while (isKeyword('or')) {
      next();
      left = { kind: 'or', left, right: conjunction() };
    }
    return left;
  };

  expectKeyword('select');
  const columns = [columnName()];
  while (peek().text === ',') {
    next();
    columns.push(columnName());
  }
  if (columns.length > MAX_COLUMNS) fail(ERRORS.coqlLimit, { clause: 'select', limit: MAX_COLUMNS });
  if (!isKeyword('from')) return peek().kind === 'end' ? clauseMissing('from') : unexpected();
  next();
  const module = columnName();
  if (!isKeyword('where')) return peek().kind === 'end' || isKeyword('order') || isKeyword('limit') ? clauseMissing('where') : unexpected();
  next();
  const where = criteria();
  if (criteriaCount(where) > MAX_CRITERIA) fail(ERRORS.coqlLimit, { clause: 'where', limit: MAX_CRITERIA });

  const orderBy: OrderBy[] = [];
  if (isKeyword('order')) {
    next();
    expectKeyword('by');
    do {
      if (orderBy.length > 0) next();
      const column = columnName();
      const direction = isKeyword('desc') ? 'desc' : 'asc';
      if (isKeyword('asc') || isKeyword('desc')) next();
      orderBy.push({ column, direction });
    } while (peek().text === ',');
  }

  let limit = DEFAULT_LIMIT;
  let offset = 0;
  if (isKeyword('limit')) {
    next();
    limit = integer();
    if (peek().text === ',') {
      next();
      offset = limit;
      limit = integer();
    }
  }
  if (isKeyword('offset')) {
    next();
    offset = integer();
  }
  if (peek().kind !== 'end') unexpected();
  if (limit > MAX_LIMIT) fail(ERRORS.coqlLimit, { clause: 'limit', limit: MAX_LIMIT });
  if (offset + limit > MAX_ROWS) fail(ERRORS.coqlLimit, { clause: 'offset', limit: MAX_ROWS });
  return { columns, module, where, orderBy, limit, offset };
};
