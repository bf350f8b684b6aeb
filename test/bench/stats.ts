/** The value below which `share` (0..1) of the samples fall, by the nearest-rank method. */
export function percentile(samples: number[], share: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(share * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export const median = (samples: number[]): number => percentile(samples, 0.5);

export const p95 = (samples: number[]): number => percentile(samples, 0.95);

/** One decimal place, for tables and JSON that people read. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;
