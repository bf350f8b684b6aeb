/**
 * Runs every suite in order (types, then unit, component and contract tests, then the browser tests)
 * and ends with one line over all of them: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = `${root}test/.results`;

const VitestJson = z.object({ numPassedTests: z.number(), numFailedTests: z.number(), numTotalTests: z.number() });

interface Stage {
  name: string;
  projects: string[];
}

const stages: Stage[] = [
  { name: 'unit, component and contract', projects: ['unit', 'component'] },
  { name: 'browser', projects: ['e2e'] },
];

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

let passed = 0;
let failed = 0;
const problems: string[] = [];

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

console.log('\n== types');
// A type error fails the run without counting as a test.
if (run('node_modules/.bin/tsc', ['-p', 'tsconfig.json']) !== 0) problems.push('the type check failed');

for (const [index, stage] of stages.entries()) {
  console.log(`\n== ${stage.name} tests`);
  const output = `${resultsDir}/stage-${index}.json`;
  const projectArgs = stage.projects.flatMap((project) => ['--project', project]);
  const status = run('node_modules/.bin/vitest', [
    'run', '--config', 'test/vitest.config.ts', ...projectArgs,
    '--reporter=default', '--reporter=json', `--outputFile=${output}`, '--passWithNoTests',
  ]);
  try {
    const counts = VitestJson.parse(JSON.parse(readFileSync(output, 'utf8')));
    passed += counts.numPassedTests;
    failed += counts.numFailedTests;
    if (status !== 0 && counts.numFailedTests === 0) problems.push(`the ${stage.name} run failed outside any test`);
  } catch {
    // No report means the runner itself failed before or while running tests.
    problems.push(`the ${stage.name} run left no report`);
  }
}

for (const problem of problems) console.log(`\n${problem}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || problems.length > 0 ? 1 : 0;
