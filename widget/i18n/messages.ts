import en from '../../app/translations/en.json';

/** Every message key, taken from the bundled English file so a missing key is a type error. */
export type MessageKey = keyof typeof en;
/** A locale's messages as loaded: possibly incomplete, never trusted to have every key. */
export type Messages = Partial<Record<string, string>>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const englishMessages: Record<MessageKey, string> = en;

/**
 * Looks a key up in `messages`, falling back to English, and fills `{placeholders}`.
 * A placeholder without a value stays as written so a gap is visible, not silent.
 * @example createTranslator({ 'status.locked': 'Gesperrt' })('status.locked') // 'Gesperrt'
 */
export function createTranslator(messages: Messages): Translate {
  return (key, params = {}) => {
    const template = messages[key] ?? englishMessages[key];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  };
}
