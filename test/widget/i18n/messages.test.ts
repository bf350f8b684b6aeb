import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../widget/i18n/messages';
import { intlLocaleOf, languageOf, SUPPORTED_LANGUAGES } from '../../../widget/i18n/locale';

/** The five languages the README promises. */
import { textsIn } from '../../support/texts';

type Text = string | Record<string, string>;
const translationFile = (language: string): Record<string, Text> =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../app/translations/${language}.json`, import.meta.url)), 'utf8'));
const english = translationFile('en');

const placeholders = (text: Text) =>
  [...new Set((typeof text === 'string' ? [text] : Object.values(text)).flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('createTranslator', () => {
  const t = createTranslator(textsIn('en'));

  it('fills placeholders', () => {
    expect(t('status.locked.byUserAt', { name: 'Max Manager', relative: '2 minutes ago' })).toBe('Locked by Max Manager 2 minutes ago');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(t('error.unknown')).toBe('Zoho CRM refused the request with code {code}.');
  });

  it('renders a value as given, even when it looks like a placeholder', () => {
    expect(t('status.reason', { reason: '{name} <b>' })).toBe('Reason: {name} <b>');
  });

  it('shows a key it does not know as the key itself, and the page’s built-in lines before any text has loaded', () => {
    const builtIn = { 'start.loading': 'Loading the lock status…' };
    expect(createTranslator({}, 'en', builtIn)('status.locked')).toBe('status.locked');
    expect(createTranslator({}, 'en', builtIn)('start.loading')).toBe('Loading the lock status…');
    expect(createTranslator({ 'start.loading': 'Sperrstatus wird geladen…' }, 'de', builtIn)('start.loading')).toBe('Sperrstatus wird geladen…');
  });

  it.each([
    ['en', 1, 'Unlock 1 selected record?'],
    ['en', 2, 'Unlock 2 selected records?'],
    ['de', 1, '1 ausgewählten Datensatz entsperren?'],
    ['de', 3, '3 ausgewählte Datensätze entsperren?'],
    ['fr', 0, 'Déverrouiller 0 enregistrement sélectionné ?'],
    ['fr', 1_000_000, 'Déverrouiller les 1000000 enregistrements sélectionnés ?'],
    ['es', 1, '¿Desbloquear 1 registro seleccionado?'],
    ['ja', 1, '選択した 1 件のレコード'],
  ] as const)('in %s, words a count of %i by the language’s plural rules', (language, count, expected) => {
    expect(createTranslator(textsIn(language), language)('overview.bulk.confirm', { count })).toContain(expected);
  });
});

describe('translation files', () => {
  const others = SUPPORTED_LANGUAGES.filter((language) => language !== 'en');

  it.each(others)('%s has every key of en.json and no other', (language) => {
    expect(Object.keys(translationFile(language)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(others)('%s keeps the placeholders of every English message', (language) => {
    const messages = translationFile(language);
    for (const [key, text] of Object.entries(english)) {
      expect([key, placeholders(messages[key] ?? '')]).toEqual([key, placeholders(text)]);
    }
  });

  it.each(SUPPORTED_LANGUAGES)('%s gives every counted text a form for each plural category the language has', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.filter((category) => category !== 'many');
    for (const [key, text] of Object.entries(translationFile(language))) {
      if (typeof text === 'string') {
        // A text that takes a count in English must be counted in every language.
        expect([key, typeof english[key]]).toEqual([key, 'string']);
        continue;
      }
      expect([key, Object.keys(text).sort()]).toEqual([key, [...categories].sort()]);
    }
  });

  it.each(others)('%s is translated, not a copy of English', (language) => {
    const messages = translationFile(language);
    expect(messages['action.lock']).not.toBe(english['action.lock']);
    expect(messages['status.locked']).not.toBe(english['status.locked']);
  });
});

describe('languageOf and intlLocaleOf', () => {
  it.each([
    ['de_DE', 'de', 'de-DE'],
    ['en_US', 'en', 'en-US'],
    ['ja_JP', 'ja', 'ja-JP'],
    ['fr_CA', 'fr', 'fr-CA'],
    ['es_MX', 'es', 'es-MX'],
    ['pt_BR', 'en', 'pt-BR'],
    ['not a locale!', 'en', 'en'],
  ])('maps the Zoho locale %s to the language %s and the Intl locale %s', (zohoLocale, language, intlLocale) => {
    expect(languageOf(zohoLocale)).toBe(language);
    expect(intlLocaleOf(zohoLocale)).toBe(intlLocale);
  });
});
