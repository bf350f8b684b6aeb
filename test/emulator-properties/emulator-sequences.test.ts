import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../server/emulator';
import { commandArbitrary } from './commands';
import { emptyCounts, runCommands } from './run-commands';

const counts = emptyCounts();

/** A clock that moves one second per reading, so times differ without depending on the real clock. */
const steppingClock = (): (() => Date) => {
  let tick = 0;
  return () => new Date(Date.UTC(2026, 1, 1, 15, 0, tick++));
};

describe('the emulator under random command sequences', () => {
  it('keeps every invariant and answers as the reference model says, step after step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 5, maxLength: 50 }), async (commands) => {
        await runCommands(createEmulator({ now: steppingClock() }), commands, counts);
      }),
      // Sized to stay within a few seconds on two shared cores.
      { numRuns: 80 },
    );
  }, 60_000);

  it('reports what was tried', () => {
    const codes = [...counts.codes.entries()].sort(([, a], [, b]) => b - a).map(([code, n]) => `${code} ${n}`);
    console.log(
      [
        'Emulator properties:',
        `  ${counts.sequences} sequences, ${counts.commands} commands, ${counts.faultsInjected} faults injected`,
        `  answers by code: ${codes.join(', ')}`,
        `  unexpected 5xx: ${counts.unexpectedServerErrors}; invariant violations: 0 (any would have failed the run)`,
      ].join('\n'),
    );
    expect(counts.commands).toBeGreaterThan(0);
    expect(counts.unexpectedServerErrors).toBe(0);
    for (const code of ['SUCCESS', 'RECORD_LOCKED', 'NO_PERMISSION', 'OAUTH_SCOPE_MISMATCH', 'NOT_ALLOWED']) {
      expect(counts.codes.get(code) ?? 0, `no ${code} answer was ever exercised`).toBeGreaterThan(0);
    }
  });
});
