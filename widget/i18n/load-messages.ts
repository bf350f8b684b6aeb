import { record, string, safeParse } from 'zod/mini';
import type { Language } from './locale';
import type { Messages } from './messages';

/** Fetches one language's messages; rejects when they cannot be had. */
export type LoadMessages = (language: Language) => Promise<Messages>;

const messagesSchema = record(string(), string());

export interface MessageFetchOptions {
  fetch: typeof globalThis.fetch;
  /** The address translations are relative to: widget.html's own URL. */
  baseUrl: string;
}

/**
 * Loads `translations/<lang>.json` next to widget.html, as Zoho's extension layout keeps them.
 * @example createMessageFetcher({ fetch, baseUrl: document.baseURI })('de')
 */
export function createMessageFetcher({ fetch, baseUrl }: MessageFetchOptions): LoadMessages {
  return async (language) => {
    const response = await fetch(new URL(`translations/${language}.json`, baseUrl).href);
    if (!response.ok) throw new Error(`translations/${language}.json answered ${response.status}`);
    const parsed = safeParse(messagesSchema, await response.json());
    if (!parsed.success) throw new Error(`translations/${language}.json is not a flat map of strings`);
    return parsed.data;
  };
}

/**
 * The messages for `language`, or none at all (English then fills every key) when they cannot be
 * loaded: a missing translation must never stop the widget from showing the lock.
 */
export async function loadMessagesOrEnglish(load: LoadMessages, language: Language): Promise<Messages> {
  if (language === 'en') return {};
  try {
    return await load(language);
  } catch {
    return {};
  }
}
