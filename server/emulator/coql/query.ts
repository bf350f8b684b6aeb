/** A parsed COQL query: what the parser builds and the evaluator runs. */

export type Literal = string | number | boolean;

export type Condition =
  | { kind: 'compare'; column: string; operator: '=' | '!=' | '<' | '>' | '<=' | '>='; value: Literal }
  | { kind: 'like'; column: string; pattern: string; negated: boolean }
  | { kind: 'in'; column: string; values: Literal[]; negated: boolean }
  | { kind: 'null'; column: string; negated: boolean }
  | { kind: 'and' | 'or'; left: Condition; right: Condition };

export interface OrderBy {
  column: string;
  direction: 'asc' | 'desc';
}

export interface Query {
  columns: string[];
  module: string;
  where: Condition;
  orderBy: OrderBy[];
  limit: number;
  offset: number;
}

export const DEFAULT_LIMIT = 200;
export const MAX_LIMIT = 2000;
/** Zoho reads at most this many rows of one query through LIMIT and OFFSET. */
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 50;
export const MAX_CRITERIA = 25;
export const MAX_IN_VALUES = 100;

/** Every column a condition names, in order. */
export const columnsOf = (condition: Condition): string[] =>
  'left' in condition ? [...columnsOf(condition.left), ...columnsOf(condition.right)] : [condition.column];

export const criteriaCount = (condition: Condition): number =>
  'left' in condition ? criteriaCount(condition.left) + criteriaCount(condition.right) : 1;
