/**
 * `npm run conformance -- --oas DIR`: the emulator's answers to every call the product makes,
 * checked against a local copy of Zoho's OpenAPI files (a clone of zoho/crm-oas, or its v8.0
 * folder). Without --oas it says why it does nothing and exits 0. Exits 1 on an unexpected failure.
 */
import { parseArgs } from 'node:util';
import { conformanceReport, runConformance } from './run-conformance';

const main = async (): Promise<void> => {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { oas: { type: 'string' } } });
  if (values.oas === undefined || values.oas === '') {
    console.log('Conformance skipped: no --oas DIR given (a local copy of Zoho\'s OpenAPI files, which this repository does not hold).');
    return;
  }
  const results = await runConformance(values.oas);
  console.log(conformanceReport(results));
  if (results.some((result) => result.verdict === 'fail')) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
