/**
 * `npm run soak`: the property and fault suites with SOAK=1 (many more random runs, fresh seeds),
 * then the number of generated commands each suite reports, and their total. Fails when a suite
 * fails or when fewer than MINIMUM commands ran.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const root = fileURLToPath(new URL('..', import.meta.url));
const MINIMUM = 10_000;

const SUITES = [
  'test/emulator-properties/emulator-sequences.test.ts',
  'test/emulator-properties/persistence.test.ts',
  'test/emulator-properties/api-limits-sequences.test.ts',
  'test/widget/faults/random-faults.test.tsx',
];

const ReportLine = z.object({ suite: z.string(), commands: z.number().int().nonnegative() });

const folder = mkdtempSync(join(tmpdir(), 'record-lock-soak-'));
const reportFile = join(folder, 'generated.jsonl');
try {
  const run = spawnSync(
    'node_modules/.bin/vitest',
    ['run', '--config', 'test/vitest.config.ts', '--project', 'unit', '--project', 'component', ...SUITES],
    { cwd: root, stdio: 'inherit', env: { ...process.env, SOAK: '1', SOAK_REPORT: reportFile } },
  );
  let text = '';
  try {
    text = readFileSync(reportFile, 'utf8');
  } catch {
    // No suite reached its report: the run failed before, and says so above.
  }
  const totals = new Map<string, number>();
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
    const { suite, commands } = ReportLine.parse(JSON.parse(line));
    totals.set(suite, (totals.get(suite) ?? 0) + commands);
  }
  const total = [...totals.values()].reduce((sum, n) => sum + n, 0);
  console.log('\n== soak: generated commands');
  for (const [suite, commands] of totals) console.log(`  ${suite.padEnd(30)} ${commands}`);
  console.log(`  ${'total'.padEnd(30)} ${total}`);
  const failed = run.status !== 0;
  if (failed) console.log('\nA suite failed: see its seed and counterexample above.');
  if (total < MINIMUM) console.log(`\nFewer than ${MINIMUM} generated commands ran.`);
  process.exitCode = failed || total < MINIMUM ? 1 : 0;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
