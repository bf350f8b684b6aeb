import { describe, expect, it } from 'vitest';
import { median, p95, percentile } from './stats';

describe('percentile', () => {
  it.each([
    { samples: [5, 1, 3], share: 0.5, expected: 3 },
    { samples: [4, 1, 3, 2], share: 0.5, expected: 2 },
    { samples: Array.from({ length: 20 }, (_, i) => 20 - i), share: 0.95, expected: 19 },
    { samples: [7], share: 0.95, expected: 7 },
    { samples: [2, 9], share: 0, expected: 2 },
  ])('takes the nearest-rank value for $share of $samples', ({ samples, share, expected }) => {
    expect(percentile(samples, share)).toBe(expected);
  });

  it('is NaN without samples, so an empty run never reads as 0 ms', () => {
    expect(median([])).toBeNaN();
    expect(p95([])).toBeNaN();
  });
});
