import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../server/emulator';
import { propertyRuns, reportGenerated, soakTimeout } from '../support/soak';
import { commandArbitrary } from './commands';
import { emptyCounts, runCommands } from './run-commands';

const counts = emptyCounts();
const folder = mkdtempSync(join(tmpdir(), 'record-lock-properties-'));
let files = 0;
let comparisons = 0;

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the emulator data file', () => {
  it('gives a second emulator on the same file exactly the state the first one wrote', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 5, maxLength: 30 }), async (commands) => {
        files += 1;
        const dataFile = join(folder, `state-${files}.json`);
        const first = createEmulator({ dataFile, now: () => new Date('2026-02-01T15:00:00Z') });
        await runCommands(first, commands, counts);
        const second = createEmulator({ dataFile });
        comparisons += 1;
        expect(second.snapshot()).toEqual(first.snapshot());
      }),
      propertyRuns(25),
    );
  }, soakTimeout(60_000));

  it('reports what was tried', () => {
    console.log(
      `Emulator persistence: ${counts.commands} commands (${counts.faultsInjected} with faults) over ${files} data files, ` +
        `${comparisons} reloads equal to the state written, unexpected 5xx: ${counts.unexpectedServerErrors}`,
    );
    reportGenerated('emulator data file', counts.commands);
    expect(comparisons).toBe(files);
    expect(counts.unexpectedServerErrors).toBe(0);
  });
});
