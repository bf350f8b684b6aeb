import { describe, expect, it } from 'vitest';
import { validateReason } from '../../../widget/crm/reason';

describe('validateReason', () => {
  it.each([
    ['an empty reason', '', 10, { ok: false, problem: 'empty', length: 0, maxLength: 10 }],
    ['only whitespace', ' \n\t  ', 10, { ok: false, problem: 'empty', length: 0, maxLength: 10 }],
    ['exactly the maximum', 'abcdefghij', 10, { ok: true, reason: 'abcdefghij' }],
    ['one past the maximum', 'abcdefghijk', 10, { ok: false, problem: 'tooLong', length: 11, maxLength: 10 }],
    ['surrounding whitespace, trimmed', '  Legal review  ', 12, { ok: true, reason: 'Legal review' }],
    ['whitespace beyond the maximum, trimmed first', '   abc   ', 3, { ok: true, reason: 'abc' }],
    ['emoji counted as one each', '🔒🔒🔒', 3, { ok: true, reason: '🔒🔒🔒' }],
    ['emoji past the maximum', '🔒🔒🔒🔒', 3, { ok: false, problem: 'tooLong', length: 4, maxLength: 3 }],
  ])('judges %s', (_case, input, maxLength, expected) => {
    expect(validateReason(input, maxLength)).toEqual(expected);
  });
});
