/**
 * `npm run emulator -- --port 5100 --data FILE --latency 100 --error-rate 0.1 --drop-rate 0.05
 *   [--org large] [--no-locked-search]`
 * Serves the emulator on 127.0.0.1 and prints its URL and the demo tokens.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createEmulator, DEMO_USERS, listen } from './index';

const Rate = z.coerce.number().min(0).max(1);

const Args = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(5100),
  host: z.string().default('127.0.0.1'),
  data: z.string().optional(),
  latency: z.coerce.number().int().min(0).default(0),
  'error-rate': Rate.default(0),
  'drop-rate': Rate.default(0),
  org: z.enum(['demo', 'large']).default('demo'),
  'locked-search': z.boolean().default(true),
});

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      org: { type: 'string' },
      'locked-search': { type: 'boolean' },
    },
  });
  const args = Args.parse(values);
  const emulator = createEmulator({
    ...(args.data === undefined ? {} : { dataFile: args.data }),
    latencyMs: args.latency,
    faults: { errorRate: args['error-rate'], dropRate: args['drop-rate'] },
    seed: args.org === 'large' ? 'large' : true,
    searchLockedField: args['locked-search'],
  });
  const server = await listen(emulator, { port: args.port, host: args.host });
  console.log(`Zoho CRM emulator: ${server.url}/crm/v8/`);
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
