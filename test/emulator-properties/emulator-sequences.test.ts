import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator, SEED } from '../../server/emulator';
import { propertyRuns, reportGenerated, soakTimeout } from '../support/soak';
import { commandArbitrary, type Command } from './commands';
import { MODULES_UNDER_TEST } from './org-under-test';
import { emptyCounts, runCommands } from './run-commands';

const counts = emptyCounts();

const deals = MODULES_UNDER_TEST.Deals;
/** The administrator, exempt from the Deals lock, moves the manually locked deal to a rule's stage: its lock becomes "Both". */
const manualLockJoinedByRule: Command = {
  kind: 'updateRecord',
  actor: 'admin',
  module: 'Deals',
  fault: 'none',
  record: deals.records.indexOf(SEED.deals.hooliPricing),
  change: [[Object.keys(deals.changes).indexOf('Stage'), deals.changes.Stage.indexOf('Closed Won')]],
};
/** A second rule that matches the same deals as the seed's Closed Won rule: deleting either hands its locks to the other. */
const secondClosedWonRule: Command = {
  kind: 'addRule',
  actor: 'admin',
  module: 'Deals',
  fault: 'none',
  name: 0,
  value: deals.ruleValues.indexOf('Closed Won'),
  lockExisting: false,
};
/** Commands on Deals only, so that the rule-held manual lock meets many of them. */
const dealsCommand = commandArbitrary.map((command): Command => ({ ...command, module: 'Deals' }));

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
      propertyRuns(80),
    );
  }, soakTimeout(60_000));

  it('keeps them too from an org where a rule also holds a manual lock', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(dealsCommand, { minLength: 5, maxLength: 30 }), async (commands) => {
        await runCommands(createEmulator({ now: steppingClock() }), [manualLockJoinedByRule, ...commands], counts);
      }),
      propertyRuns(40),
    );
  }, soakTimeout(60_000));

  it('keeps them too from an org where two rules match the same deals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealsCommand, { maxLength: 10 }),
        fc.nat({ max: 1 }),
        fc.array(dealsCommand, { minLength: 3, maxLength: 20 }),
        async (before, rule, after) => {
          const removeRule: Command = { kind: 'removeRule', actor: 'admin', module: 'Deals', fault: 'none', rule };
          const commands = [manualLockJoinedByRule, secondClosedWonRule, ...before, removeRule, ...after];
          await runCommands(createEmulator({ now: steppingClock() }), commands, counts);
        },
      ),
      propertyRuns(40),
    );
  }, soakTimeout(60_000));

  it('reports what was tried', () => {
    const codes = [...counts.codes.entries()].sort(([, a], [, b]) => b - a).map(([code, n]) => `${code} ${n}`);
    console.log(
      [
        'Emulator properties:',
        `  ${counts.sequences} sequences, ${counts.commands} commands, ${counts.faultsInjected} faults injected`,
        `  answers by code: ${codes.join(', ')}`,
        `  steps with a lock of each source: ${[...counts.lockSources.entries()].map(([source, n]) => `${source} ${n}`).join(', ')}`,
        `  unexpected 5xx: ${counts.unexpectedServerErrors}; invariant violations: 0 (any would have failed the run)`,
      ].join('\n'),
    );
    reportGenerated('emulator command sequences', counts.commands);
    expect(counts.commands).toBeGreaterThan(0);
    expect(counts.unexpectedServerErrors).toBe(0);
    for (const code of ['SUCCESS', 'RECORD_LOCKED', 'NO_PERMISSION', 'OAUTH_SCOPE_MISMATCH', 'NOT_ALLOWED']) {
      expect(counts.codes.get(code) ?? 0, `no ${code} answer was ever exercised`).toBeGreaterThan(0);
    }
    for (const source of ['Manual', 'Automatic', 'Both']) {
      expect(counts.lockSources.get(source) ?? 0, `no ${source} lock was ever reached`).toBeGreaterThan(0);
    }
  });
});
