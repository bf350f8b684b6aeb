import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SUPPORTED_LANGUAGES, type Language } from '../../widget/i18n/locale';

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** A counted text: one form per plural category of the language, `other` always among them. */
const pluralSchema = z.partialRecord(z.enum(PLURAL_CATEGORIES), z.string()).and(z.object({ other: z.string() }));
const translationSchema = z.record(z.string(), z.union([z.string(), pluralSchema]));

export type Translation = z.infer<typeof translationSchema>;
export type Translations = Record<Language, Translation>;

/** Every language's translation as written by translators; throws naming the file that is malformed. */
export async function readTranslations(dir: string): Promise<Translations> {
  const entries = await Promise.all(
    SUPPORTED_LANGUAGES.map(async (language) => {
      const path = join(dir, `${language}.json`);
      const parsed = translationSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
      return [language, parsed.data] as const;
    }),
  );
  return Object.fromEntries(entries) as Translations;
}

// A message key as the code names it: a quoted, dotted word such as 'status.locked.byUserAt'.
const QUOTED_KEY = /["'`]([A-Za-z][\w-]*(?:\.[\w-]+)+)["'`]/g;

/**
 * The message keys a page's code names, among those the English file defines. The widget names
 * every key literally (a unit test holds it to that), so this finds all of a page's texts.
 */
export function keysNamedIn(code: string, english: Translation): string[] {
  const keys = new Set<string>();
  for (const match of code.matchAll(QUOTED_KEY)) {
    const key = match[1] ?? '';
    if (key in english) keys.add(key);
  }
  return [...keys].sort();
}

/**
 * One page's texts in one language, as the page fetches them: only its keys, English where the
 * language has no text yet, and a counted text's forms flattened to `key#category`.
 * @example pageCatalog(['overview.list.dropped'], translations, 'de') // { 'overview.list.dropped#one': '…', … }
 */
export function pageCatalog(keys: readonly string[], translations: Translations, language: Language): Record<string, string> {
  return flattenTexts(keys, translations[language], translations.en);
}

/** `keys` of `translation` (else of `english`) as one flat map, a counted text's forms as `key#category`. */
export function flattenTexts(keys: readonly string[], translation: Translation, english: Translation): Record<string, string> {
  const catalog: Record<string, string> = {};
  for (const key of keys) {
    const text = translation[key] ?? english[key];
    if (typeof text === 'string') catalog[key] = text;
    else if (text) for (const [category, form] of Object.entries(text)) if (form !== undefined) catalog[`${key}#${category}`] = form;
  }
  return catalog;
}
