/**
 * `--variant NAME` (repeatable, or comma-separated), `--search-lag SECONDS` and the older
 * `--no-locked-search`, shared by `npm start` and `npm run emulator`. An unknown name is refused
 * with the list of variants.
 */
import { z } from 'zod';
import type { EmulatorOptions } from './emulator';
import { parseVariants, unknownVariantsMessage, type Variant } from './variants';

export const variantArgsSchema = {
  variant: z
    .array(z.string())
    .default([])
    .transform((values, context): Variant[] => {
      const parsed = parseVariants(values);
      if (parsed.ok) return parsed.variants;
      context.addIssue({ code: 'custom', message: unknownVariantsMessage(parsed.unknown) });
      return z.NEVER;
    }),
  /** Seconds the search index trails a lock or an unlock under `locked-search-lag`. */
  'search-lag': z.coerce.number().int().min(0).max(86_400).optional(),
  /** `--no-locked-search`: the `locked-search-refused` variant, by its older name. */
  'locked-search': z.boolean().default(true),
};

export const VARIANT_ARG_SPECS = {
  variant: { type: 'string', multiple: true },
  'search-lag': { type: 'string' },
  'locked-search': { type: 'boolean' },
} as const;

export const variantOptionsOf = (args: {
  variant: readonly Variant[];
  'search-lag'?: number | undefined;
  'locked-search': boolean;
}): Pick<EmulatorOptions, 'searchLagSeconds'> & { variants: Variant[] } => ({
  variants: [...new Set<Variant>([...args.variant, ...(args['locked-search'] ? [] : (['locked-search-refused'] as const))])],
  ...(args['search-lag'] === undefined ? {} : { searchLagSeconds: args['search-lag'] }),
});
