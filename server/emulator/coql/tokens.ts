/**
 * COQL's tokens: words (keywords, field and module names, dotted lookups such as `Owner.email`),
 * quoted strings (`\'` escapes a quote), numbers and symbols. A character COQL does not know is a
 * SYNTAX_ERROR naming where it is.
 */
import { ERRORS, fail } from '../errors';

export type Token =
  | { kind: 'word'; text: string; column: number }
  | { kind: 'string'; text: string; value: string; column: number }
  | { kind: 'number'; text: string; value: number; column: number }
  | { kind: 'symbol'; text: string; column: number }
  | { kind: 'end'; text: ''; column: number };

const SYMBOLS = ['!=', '<>', '<=', '>=', '(', ')', ',', '*', '=', '<', '>'];
const WORD = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*/;
const NUMBER = /^-?\d+(\.\d+)?/;

/** SYNTAX_ERROR with Zoho's `{line, column, near}` details (columns count from 1). */
export const syntaxErrorAt = (column: number, near: string): never =>
  fail(ERRORS.coqlSyntax, { line: 1, column: column + 1, near });

const readString = (query: string, start: number): { value: string; end: number } => {
  let value = '';
  for (let i = start + 1; i < query.length; i += 1) {
    const char = query[i];
    if (char === '\\' && i + 1 < query.length) {
      value += query[i + 1];
      i += 1;
    } else if (char === "'") {
      return { value, end: i + 1 };
    } else {
      value += char;
    }
  }
  return syntaxErrorAt(start, query.slice(start, start + 20));
};

export const tokenize = (query: string): Token[] => {
  const tokens: Token[] = [];
  let at = 0;
  while (at < query.length) {
    const rest = query.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    if (rest.startsWith("'")) {
      const { value, end } = readString(query, at);
      tokens.push({ kind: 'string', text: query.slice(at, end), value, column: at });
      at = end;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), column: at });
      at += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], column: at });
      at += word[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((s) => rest.startsWith(s));
    if (!symbol) return syntaxErrorAt(at, rest.slice(0, 20));
    tokens.push({ kind: 'symbol', text: symbol, column: at });
    at += symbol.length;
  }
  tokens.push({ kind: 'end', text: '', column: query.length });
  return tokens;
};
