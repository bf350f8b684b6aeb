/**
 * `npm run emulator -- --port 5100 --data FILE --latency 100 --error-rate 0.1 --drop-rate 0.05 --credits 500
 *   [--org large] [--variant NAME[,NAME]]… [--search-lag SECONDS] [--no-locked-search]`
 * Serves the emulator on 127.0.0.1 and prints its URL and the demo tokens.
 */
import { createEmulator, DEMO_USERS, listen } from './index';
import { parseEmulatorCliOptions } from './cli-options';
import { limitsOf } from './limit-options';
import { variantOptionsOf } from './variant-options';

const main = async (): Promise<void> => {
  const args = parseEmulatorCliOptions(process.argv.slice(2));
  const variants = variantOptionsOf(args);
  const emulator = createEmulator({
    ...(args.data === undefined ? {} : { dataFile: args.data }),
    latencyMs: args.latency,
    faults: { errorRate: args['error-rate'], dropRate: args['drop-rate'] },
    limits: limitsOf(args),
    seed: args.org === 'large' ? 'large' : true,
    ...variants,
  });
  const server = await listen(emulator, { port: args.port, host: args.host });
  console.log(`Zoho CRM emulator: ${server.url}/crm/v8/`);
  const { allowance } = emulator.credits();
  console.log(`API limits: ${allowance} credits per rolling 24 hours (--credits N)`);
  if (variants.variants.length > 0) console.log(`Variants: ${variants.variants.join(', ')}`);
  console.log('Demo users (Authorization: Zoho-oauthtoken <token>):');
  for (const user of DEMO_USERS) console.log(`  ${user.token.padEnd(20)} ${user.name} <${user.email}>, ${user.profileName}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
