/** `--credits N` and `--concurrency N`, shared by `npm start` and `npm run emulator`. */
import { z } from 'zod';
import type { EmulatorOptions } from './emulator';

export const limitArgsSchema = {
  /** Credits per rolling 24 hours; 0 refuses every call with 429. */
  credits: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  /** Calls in flight at once per user. */
  concurrency: z.coerce.number().int().min(1).max(1000).optional(),
};

export const LIMIT_ARG_SPECS = {
  credits: { type: 'string' },
  concurrency: { type: 'string' },
} as const;

export const limitsOf = (args: { credits?: number | undefined; concurrency?: number | undefined }): NonNullable<EmulatorOptions['limits']> => ({
  ...(args.credits === undefined ? {} : { credits: args.credits }),
  ...(args.concurrency === undefined ? {} : { concurrency: args.concurrency }),
});
