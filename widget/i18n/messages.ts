import type en from '../../app/translations/en.json';

/** Every message key, taken from the English file's type (the file itself is fetched, not bundled). */
export type MessageKey = keyof typeof en;
/** A locale's messages as loaded: possibly incomplete, never trusted to have every key. */
export type Messages = Partial<Record<string, string>>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * What the widget can say before translations/en.json arrives, or when it never does: the loading
 * line and a start failure with its retry.
 */
const builtInMessages: Messages = {
  'start.loading': 'Loading the lock status…',
  'start.failed': 'The lock status could not be loaded.',
  'action.retry': 'Try again',
};

/**
 * Looks a key up in `messages`, then in `english`, then in the few built-in lines, and fills
 * `{placeholders}`. A placeholder without a value stays as written so a gap is visible, not silent;
 * a key nobody knows shows as itself.
 * @example createTranslator({ 'status.locked': 'Gesperrt' }, english)('status.locked') // 'Gesperrt'
 */
export function createTranslator(messages: Messages, english: Messages = {}): Translate {
  return (key, params = {}) => {
    const template = messages[key] ?? english[key] ?? builtInMessages[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  };
}
