import type en from '../../app/translations/en.json';

/** Every message key, taken from the English file's type (the texts themselves are fetched, not bundled). */
export type MessageKey = keyof typeof en;
/** A page's texts as loaded: possibly incomplete, never trusted to have every key. */
export type Messages = Partial<Record<string, string>>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;


/**
 * Looks a key up in `messages`, then in the page's few built-in lines (what it says before its texts
 * arrive, or when they never do: its loading line, a start failure and its retry), and fills `{placeholders}`. A text
 * with a numeric `count` takes the form of its plural category in `locale` (`key#one`, `key#few`,
 * …, else `key#other`). A placeholder without a value stays as written so a gap is visible, not
 * silent; a key nobody knows shows as itself.
 * @example createTranslator({ 'overview.list.dropped#one': '{count} record…' }, 'en')('overview.list.dropped', { count: 1 })
 */
export function createTranslator(messages: Messages, locale = 'en', builtIn: Messages = {}): Translate {
  let plurals: Intl.PluralRules | null = null;
  return (key, params = {}) => {
    const count = params['count'];
    let template: string | undefined;
    if (typeof count === 'number') {
      plurals ??= new Intl.PluralRules(locale);
      template = messages[`${key}#${plurals.select(count)}`] ?? messages[`${key}#other`];
    }
    template ??= messages[key] ?? builtIn[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  };
}
