import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LIMIT_ARG_SPECS, limitArgsSchema } from '../emulator/limit-options';
import { VARIANT_ARG_SPECS, variantArgsSchema } from '../emulator/variant-options';

const rate = z.coerce.number().min(0).max(1);

const optionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  data: z.string().min(1).optional(),
  latency: z.coerce.number().int().min(0).max(60_000).default(0),
  'error-rate': rate.default(0),
  'drop-rate': rate.default(0),
  zoho: z.boolean().default(false),
  watch: z.boolean().default(true),
  /** `large`: 2,000 deals, 300 locked (the emulator's `seed: 'large'`). */
  org: z.enum(['demo', 'large']).default('demo'),
  ...variantArgsSchema,
  ...limitArgsSchema,
});

export type DevServerCliOptions = z.infer<typeof optionsSchema>;

export const DEFAULT_PORT = 5000;

/**
 * `npm start -- [--port N] [--data FILE] [--latency MS] [--error-rate R] [--drop-rate R] [--credits N] [--concurrency N] [--no-watch]
 * [--org large] [--variant NAME[,NAME]]… [--search-lag SECONDS] [--no-locked-search]`,
 * `npm run serve:zoho` (`--zoho`). The port comes from --port, else PORT, else 5000.
 */
export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): DevServerCliOptions {
  const { values } = parseArgs({
    args: argv,
    allowNegative: true,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      zoho: { type: 'boolean' },
      watch: { type: 'boolean' },
      org: { type: 'string' },
      ...VARIANT_ARG_SPECS,
      ...LIMIT_ARG_SPECS,
    },
  });
  const parsed = optionsSchema.safeParse({ ...values, port: values.port ?? env.PORT ?? DEFAULT_PORT });
  if (!parsed.success) throw new Error(`Invalid options: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
