/**
 * `npm run soak` sets SOAK=1: the property and fault suites then run many more random sequences,
 * each time from a fresh seed; `npm test` keeps its short runs and fixed seeds. The one place
 * that reads the switch.
 */
import { appendFileSync } from 'node:fs';

const SOAK_FACTOR = 5;

export const isSoak = (): boolean => process.env['SOAK'] === '1';

/** A suite's usual number of runs, scaled up in a soak. */
export const soakRuns = (numRuns: number): number => (isSoak() ? numRuns * SOAK_FACTOR : numRuns);

/** A test's usual time limit, scaled up with its runs in a soak. */
export const soakTimeout = (ms: number): number => (isSoak() ? ms * SOAK_FACTOR : ms);

/**
 * fast-check's parameters: the usual runs and fixed seed, or in a soak more runs from a fresh
 * seed (fast-check prints the seed of a failure, to replay it).
 */
export const propertyRuns = (numRuns: number, seed?: number): { numRuns: number; seed?: number } =>
  isSoak() || seed === undefined ? { numRuns: soakRuns(numRuns) } : { numRuns, seed };

/** Tells the soak runner (test/soak.ts) how many generated commands a suite ran. */
export const reportGenerated = (suite: string, commands: number): void => {
  const file = process.env['SOAK_REPORT'];
  if (file) appendFileSync(file, `${JSON.stringify({ suite, commands })}\n`);
};
