import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flattenTexts, keysNamedIn, pageCatalog, type Translations } from '../../server/build/page-texts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const english = JSON.parse(readFileSync(join(root, 'app/translations/en.json'), 'utf8')) as Record<string, unknown>;

const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));

describe('a page’s texts', () => {
  it('are found by the keys its code names in quotes, and only keys English defines', () => {
    const code = `t('status.locked');t("action.save",{});x=\`history.show\`;'not.a.key';'status.locked.byUserAt'`;
    expect(keysNamedIn(code, { 'status.locked': '', 'action.save': '', 'history.show': '', 'status.locked.byUserAt': '' })).toEqual([
      'action.save',
      'history.show',
      'status.locked',
      'status.locked.byUserAt',
    ]);
  });

  it('hold each key in the language, English where it has none, and a counted text’s forms apart', () => {
    const translations = {
      en: { 'action.save': 'Save', 'action.cancel': 'Cancel', 'list.count': { one: '{count} record', other: '{count} records' } },
      de: { 'action.save': 'Speichern', 'list.count': { one: '{count} Datensatz', other: '{count} Datensätze' } },
    } as unknown as Translations;
    expect(pageCatalog(['action.save', 'action.cancel', 'list.count'], translations, 'de')).toEqual({
      'action.save': 'Speichern',
      'action.cancel': 'Cancel',
      'list.count#one': '{count} Datensatz',
      'list.count#other': '{count} Datensätze',
    });
    expect(flattenTexts(['action.cancel'], {}, { 'action.cancel': 'Cancel' })).toEqual({ 'action.cancel': 'Cancel' });
  });

  it('miss none: every text of en.json is named, in quotes, by the widget’s code', () => {
    const code = sources('widget').join('\n');
    const named = new Set(keysNamedIn(code, english as Record<string, string>));
    expect(Object.keys(english).filter((key) => !named.has(key))).toEqual([]);
  });
});
