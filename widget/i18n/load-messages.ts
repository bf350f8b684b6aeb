import * as z from '../host/zod';
import type { Language } from './locale';
import type { Messages } from './messages';

/** Fetches one language's messages; rejects when they cannot be had. */
export type LoadMessages = (language: Language) => Promise<Messages>;

// An object whose every key holds a string: a catchall over no named keys, which reuses the object
// parser every other answer needs rather than bundling zod's record parser for this one map.
const messagesSchema = z.catchall(z.object({}), z.string());

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
    const parsed = messagesSchema.safeParse(await response.json());
    if (!parsed.success) throw new Error(`translations/${language}.json is not a flat map of strings`);
    return parsed.data;
  };
}

/**
 * The messages for `language`, or none at all when they cannot be loaded or the language is
 * English (fetched on its own at start-up): English then fills every key, and a missing
 * translation never stops the widget from showing the lock.
 */
export async function loadMessagesOrEnglish(load: LoadMessages, language: Language): Promise<Messages> {
  if (language === 'en') return {};
  try {
    return await load(language);
  } catch {
    return {};
  }
}
