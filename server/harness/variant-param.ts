import { z } from 'zod';

/**
 * `&variant=NAME[,NAME]` on a harness page: the emulator variants that the page's widget meets.
 * Its connection calls carry them as `X-Emulator-Variant`, so one server can show each page under
 * its own variants. Only the form is checked here; a name that is no variant is the emulator's to
 * refuse (400 INVALID_EMULATOR_VARIANT, in the page's call log).
 */
const variantSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^[a-z-]+(\s*,\s*[a-z-]+)*$/)
  .optional()
  .catch(undefined);

export function variantParam(query: URLSearchParams): string | null {
  return variantSchema.parse(query.get('variant') ?? undefined) ?? null;
}
