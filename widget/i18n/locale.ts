/** The languages the widget ships translations for, each fetched from translations/<lang>.json. */
export const SUPPORTED_LANGUAGES = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * The translation language for a Zoho locale: "de_DE" -> "de", "pt_BR" -> "en" (not shipped).
 * @example languageOf('ja_JP') // 'ja'
 */
export function languageOf(zohoLocale: string): Language {
  const language = zohoLocale.split(/[_-]/)[0]?.toLowerCase() ?? '';
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
}

/**
 * A BCP 47 tag Intl accepts for a Zoho locale ("en_US" -> "en-US"); "en" when Intl does not know it.
 * @example intlLocaleOf('de_DE') // 'de-DE'
 */
export function intlLocaleOf(zohoLocale: string): string {
  const tag = zohoLocale.replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    // Not a well-formed tag: English rather than a RangeError on every date.
    return 'en';
  }
}
