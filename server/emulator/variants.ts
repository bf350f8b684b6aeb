/**
 * Variants: documented alternative answers Zoho may give where its docs pages, its OpenAPI files
 * or an unconfirmed reading disagree. The docs pages' reading is the default; a variant switches
 * one place to the other reading, for a whole emulator (`variants` option, `--variant NAME`) or for
 * one call (the `X-Emulator-Variant` header, added to the emulator's own), never as a flag a test
 * leaves behind.
 */

export const VARIANTS = [
  'minimal-lock-answer',
  'rate-limit-exceeded',
  'oas-lock-scopes',
  'locked-search-refused',
  'locked-coql-refused',
  'locked-search-unindexed',
  'locked-search-lag',
  'task-picklists',
  'notes-unsorted',
] as const;

export type Variant = (typeof VARIANTS)[number];

export const VARIANT_HEADER = 'x-emulator-variant';

/** How long the search index trails a lock or an unlock under `locked-search-lag`, by default. */
export const DEFAULT_SEARCH_LAG_SECONDS = 30;

export const isVariant = (name: string): name is Variant => (VARIANTS as readonly string[]).includes(name);

/** `a,b` and repeated values as one list of names, trimmed, blanks dropped. */
export const variantNames = (values: readonly string[]): string[] =>
  values.flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');

export type VariantList = { ok: true; variants: Variant[] } | { ok: false; unknown: string[] };

/** The variants named, or every name that is none. */
export const parseVariants = (values: readonly string[]): VariantList => {
  const names = variantNames(values);
  const unknown = names.filter((name) => !isVariant(name));
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, variants: [...new Set(names.filter(isVariant))] };
};

/** For a refusal: "unknown variant x; the variants are a, b, …". */
export const unknownVariantsMessage = (unknown: readonly string[]): string =>
  `Unknown emulator variant${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the variants are ${VARIANTS.join(', ')}`;

/** The emulator's own variants plus those the call's header names; or the names that are no variant. */
export const chooseVariants = (headers: Headers, own: ReadonlySet<Variant>): ReadonlySet<Variant> | { unknown: string[] } => {
  const header = headers.get(VARIANT_HEADER);
  if (header === null) return own;
  const parsed = parseVariants([header]);
  if (!parsed.ok) return { unknown: parsed.unknown };
  return new Set([...own, ...parsed.variants]);
};
