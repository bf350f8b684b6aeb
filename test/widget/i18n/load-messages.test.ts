import { describe, expect, it } from 'vitest';
import { createMessageFetcher, loadMessagesOrEnglish } from '../../../widget/i18n/load-messages';

const answering = (body: unknown, status = 200) => {
  const asked: string[] = [];
  const fetch = (async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(body), { status });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
};

describe('createMessageFetcher', () => {
  it('fetches translations/<lang>.json next to widget.html', async () => {
    const { fetch, asked } = answering({ 'status.locked': 'Gesperrt' });
    const load = createMessageFetcher({ fetch, baseUrl: 'https://127.0.0.1:5000/app/widget.html?serviceOrigin=x' });
    await expect(load('de')).resolves.toEqual({ 'status.locked': 'Gesperrt' });
    expect(asked).toEqual(['https://127.0.0.1:5000/app/translations/de.json']);
  });

  it.each([
    ['a failed answer', answering({}, 404).fetch],
    ['a file that is not a map of strings', answering({ 'status.locked': 42 }).fetch],
  ])('rejects %s', async (_label, fetch) => {
    await expect(createMessageFetcher({ fetch, baseUrl: 'https://example.com/app/widget.html' })('fr')).rejects.toThrow();
  });
});

describe('loadMessagesOrEnglish', () => {
  it('answers no messages, so English shows, when loading fails', async () => {
    await expect(loadMessagesOrEnglish(() => Promise.reject(new Error('offline')), 'ja')).resolves.toEqual({});
  });

  it('does not fetch anything for English', async () => {
    const asked: string[] = [];
    await loadMessagesOrEnglish(async (language) => (asked.push(language), {}), 'en');
    expect(asked).toEqual([]);
  });
});
