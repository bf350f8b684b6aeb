/**
 * Parses the `criteria` of Zoho's search API: `((Field:operator:value)and(Field:operator:value))`,
 * brackets nesting groups, `and`/`or` between them, and a backslash escaping `(`, `)`, `,` and `\`
 * inside a value. An unescaped comma separates the values of `in` and `between`.
 */

export interface SearchCondition {
  kind: 'condition';
  field: string;
  operator: string;
  /** Unescaped values: one, or several for `in` and `between`. */
  values: string[];
}

export interface SearchGroup {
  kind: 'group';
  operator: 'and' | 'or';
  items: SearchNode[];
}

export type SearchNode = SearchCondition | SearchGroup;

export type ParsedCriteria = { ok: true; node: SearchNode; conditions: SearchCondition[] } | { ok: false; reason: string };

class CriteriaSyntaxError extends Error {}

/** Splits on an unescaped separator, keeping escapes in the pieces. */
const splitUnescaped = (text: string, separator: string): string[] => {
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '\\' && i + 1 < text.length) {
      current += char + (text[i + 1] ?? '');
      i += 1;
    } else if (char === separator) {
      pieces.push(current);
      current = '';
    } else current += char;
  }
  pieces.push(current);
  return pieces;
};

const unescape = (text: string): string => text.replace(/\\(.)/g, '$1');

const conditionOf = (raw: string): SearchCondition => {
  const first = raw.indexOf(':');
  const second = first < 0 ? -1 : raw.indexOf(':', first + 1);
  if (first <= 0 || second < 0) throw new CriteriaSyntaxError(`a condition needs Field:operator:value, not "${raw}"`);
  const field = raw.slice(0, first).trim();
  const operator = raw.slice(first + 1, second).trim();
  const value = raw.slice(second + 1);
  if (!/^[A-Za-z0-9_$]+$/.test(field) || !/^[a-z_]+$/.test(operator)) {
    throw new CriteriaSyntaxError(`a condition needs Field:operator:value, not "${raw}"`);
  }
  return { kind: 'condition', field, operator, values: splitUnescaped(value, ',').map(unescape) };
};

/** @example parseCriteria('((Stage:equals:Closed Won)and(Locked__s:equals:true))') */
export const parseCriteria = (text: string): ParsedCriteria => {
  let pos = 0;
  const conditions: SearchCondition[] = [];
  const skipSpaces = (): void => {
    while (text[pos] === ' ') pos += 1;
  };
  const expect = (char: string): void => {
    skipSpaces();
    if (text[pos] !== char) throw new CriteriaSyntaxError(`expected "${char}" at position ${pos}`);
    pos += 1;
  };

  const parseTerm = (): SearchNode => {
    expect('(');
    skipSpaces();
    if (text[pos] === '(') {
      const inner = parseExpression();
      expect(')');
      return inner;
    }
    let raw = '';
    while (pos < text.length && text[pos] !== ')') {
      const char = text[pos] ?? '';
      raw += char;
      if (char === '\\' && pos + 1 < text.length) raw += text[pos + 1] ?? '';
      pos += char === '\\' ? 2 : 1;
    }
    expect(')');
    const condition = conditionOf(raw);
    conditions.push(condition);
    return condition;
  };

  const parseExpression = (): SearchNode => {
    const items = [parseTerm()];
    let operator: 'and' | 'or' | null = null;
    for (;;) {
      skipSpaces();
      const word = /^(and|or)\s*(?=\()/i.exec(text.slice(pos));
      if (!word?.[1]) break;
      const next = word[1].toLowerCase() as 'and' | 'or';
      // Mixing and/or on one level would need a precedence Zoho does not document: brackets say it.
      if (operator !== null && operator !== next) throw new CriteriaSyntaxError('and and or on one level need brackets');
      operator = next;
      pos += word[0].length;
      items.push(parseTerm());
    }
    return operator === null ? (items[0] as SearchNode) : { kind: 'group', operator, items };
  };

  try {
    const node = parseExpression();
    skipSpaces();
    if (pos !== text.length) throw new CriteriaSyntaxError(`unexpected "${text.slice(pos, pos + 10)}" at position ${pos}`);
    return { ok: true, node, conditions };
  } catch (error) {
    if (error instanceof CriteriaSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
};
