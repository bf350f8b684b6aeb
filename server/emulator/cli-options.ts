import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LIMIT_ARG_SPECS, limitArgsSchema } from './limit-options';
import { VARIANT_ARG_SPECS, variantArgsSchema } from './variant-options';

const rate = z.coerce.number().min(0).max(1);

const optionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(5100),
  host: z.string().default('127.0.0.1'),
  data: z.string().optional(),
  latency: z.coerce.number().int().min(0).default(0),
  'error-rate': rate.default(0),
  'drop-rate': rate.default(0),
  ...limitArgsSchema,
  /** `large`: 2,000 deals, 300 locked (the emulator's `seed: 'large'`). */
  org: z.enum(['demo', 'large']).default('demo'),
  ...variantArgsSchema,
});

export type EmulatorCliOptions = z.infer<typeof optionsSchema>;

/**
 * `npm run emulator -- [--port N] [--host H] [--data FILE] [--latency MS] [--error-rate R]
 * [--drop-rate R] [--credits N] [--concurrency N] [--org large] [--variant NAME[,NAME]]… [--search-lag SECONDS]
 * [--no-locked-search]`
 */
export function parseEmulatorCliOptions(argv: string[]): EmulatorCliOptions {
  const { values } = parseArgs({
    args: argv,
    allowNegative: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      ...LIMIT_ARG_SPECS,
      org: { type: 'string' },
      ...VARIANT_ARG_SPECS,
    },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`Invalid options: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
