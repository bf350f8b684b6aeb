import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import englishMessages from '../../../app/translations/en.json';
import { createTranslator } from '../../../widget/i18n/messages';
import { intlLocaleOf, languageOf, SUPPORTED_LANGUAGES } from '../../../widget/i18n/locale';

const translationFile = (language: string): Record<string, string> =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../app/translations/${language}.json`, import.meta.url)), 'utf8'));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('createTranslator', () => {
  it('fills placeholders', () => {
    const t = createTranslator({}, englishMessages);
    expect(t('status.locked.byUserAt', { name: 'Max Manager', relative: '2 minutes ago' })).toBe('Locked by Max Manager 2 minutes ago');
  });

  it('falls back to English for a key the locale lacks', () => {
    const t = createTranslator({ 'status.locked': 'Gesperrt' }, englishMessages);
    expect(t('status.locked')).toBe('Gesperrt');
    expect(t('status.unlocked')).toBe('Unlocked');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(createTranslator({}, englishMessages)('error.unknown')).toBe('Zoho CRM refused the request with code {code}.');
  });

  it('renders a value as given, even when it looks like a placeholder', () => {
    expect(createTranslator({}, englishMessages)('status.reason', { reason: '{name} <b>' })).toBe('Reason: {name} <b>');
  });
});

describe('translation files', () => {
  const others = SUPPORTED_LANGUAGES.filter((language) => language !== 'en');

  it.each(others)('%s has every key of en.json and no other', (language) => {
    expect(Object.keys(translationFile(language)).sort()).toEqual(Object.keys(englishMessages).sort());
  });

  it.each(others)('%s keeps the placeholders of every English message', (language) => {
    const messages = translationFile(language);
    for (const [key, english] of Object.entries(englishMessages)) {
      expect([key, placeholders(messages[key] ?? '')]).toEqual([key, placeholders(english)]);
    }
  });

  it.each(others)('%s is translated, not a copy of English', (language) => {
    const messages = translationFile(language);
    expect(messages['action.lock']).not.toBe(englishMessages['action.lock']);
    expect(messages['status.locked']).not.toBe(englishMessages['status.locked']);
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
