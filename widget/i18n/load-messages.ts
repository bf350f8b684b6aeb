import * as z from '../host/zod';
import type { Language } from './locale';
import type { Messages } from './messages';

/** Fetches the page's texts in one language; rejects when they cannot be had. */
export type LoadMessages = (language: Language) => Promise<Messages>;

// An object whose every key holds a string: a catchall over no named keys, which reuses the object
// parser every other answer needs rather than bundling zod's record parser for this one map.
const messagesSchema = z.catchall(z.object({}), z.string());

export interface MessageFetchOptions {
  fetch: typeof globalThis.fetch;
  /** The address the page's files are relative to: the page's own URL. */
  baseUrl: string;
  /** The page whose texts to load, e.g. "widget" for app/widget.html. */
  page: string;
}

/**
 * Loads `js/texts/<page>-<language>.json` next to the page: the build writes one per page and
 * language, holding only that page's texts, English filling any the language lacks.
 * @example createMessageFetcher({ fetch, baseUrl: document.baseURI, page: 'widget' })('de')
 */
export function createMessageFetcher({ fetch, baseUrl, page }: MessageFetchOptions): LoadMessages {
  return async (language) => {
    const file = `js/texts/${page}-${language}.json`;
    const response = await fetch(new URL(file, baseUrl).href);
    if (!response.ok) throw new Error(`${file} answered ${response.status}`);
    const parsed = messagesSchema.safeParse(await response.json());
    if (!parsed.success) throw new Error(`${file} is not a flat map of strings`);
    return parsed.data;
  };
}

/**
 * The texts in `language`, else in English, else none: a missing translation never stops the
 * page from showing what it knows, in the built-in lines at worst.
 */
export async function loadMessagesOrEnglish(load: LoadMessages, language: Language): Promise<Messages> {
  try {
    return await load(language);
  } catch {
    if (language === 'en') return {};
    return load('en').catch(() => ({}));
  }
}
