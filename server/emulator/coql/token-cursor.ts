/**
 * A walk along a query's tokens for the parser: what comes next, and the few shapes a clause reads
 * (a column name, a whole number, a literal). A token out of place is a SYNTAX_ERROR naming it.
 */
import type { Literal } from './query';
import { syntaxErrorAt, tokenize, type Token } from './tokens';

const KEYWORDS = new Set(['select', 'from', 'where', 'and', 'or', 'not', 'like', 'in', 'is', 'null', 'order', 'by', 'asc', 'desc', 'limit', 'offset']);

export interface TokenCursor {
  peek(): Token;
  next(): Token;
  unexpected(token?: Token): never;
  /** Keywords are case-insensitive. */
  isKeyword(word: string): boolean;
  expectKeyword(word: string): void;
  /** A field or module name: any word that is not a keyword. */
  columnName(): string;
  integer(): number;
  literal(): Literal;
}

export const tokenCursor = (text: string): TokenCursor => {
  const tokens = tokenize(text);
  let at = 0;
  // Past the last token the cursor keeps answering the end, so a clause cut short reads as one.
  const peek = (): Token => tokens[at] ?? { kind: 'end', text: '', column: text.length };
  const next = (): Token => {
    const token = peek();
    at += 1;
    return token;
  };
  const unexpected = (token: Token = peek()): never => syntaxErrorAt(token.column, token.text);
  const isKeyword = (word: string): boolean => {
    const token = peek();
    return token.kind === 'word' && token.text.toLowerCase() === word;
  };
  return {
    peek,
    next,
    unexpected,
    isKeyword,
    expectKeyword: (word) => {
      if (!isKeyword(word)) unexpected();
      next();
    },
    columnName: () => {
      const token = next();
      if (token.kind !== 'word' || KEYWORDS.has(token.text.toLowerCase())) return unexpected(token);
      return token.text;
    },
    integer: () => {
      const token = next();
      if (token.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) return unexpected(token);
      return token.value;
    },
    literal: () => {
      const token = next();
      if (token.kind === 'string' || token.kind === 'number') return token.value;
      if (token.kind === 'word' && (token.text.toLowerCase() === 'true' || token.text.toLowerCase() === 'false')) {
        return token.text.toLowerCase() === 'true';
      }
      return unexpected(token);
    },
  };
};
