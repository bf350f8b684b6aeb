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
  it("fetches the page's own texts in the language, js/texts/<page>-<language>.json next to the page", async () => {
    const { fetch, asked } = answering({ 'status.locked': 'Gesperrt' });
    const load = createMessageFetcher({ fetch, baseUrl: 'https://127.0.0.1:5000/app/widget.html?serviceOrigin=x', page: 'widget' });
    await expect(load('de')).resolves.toEqual({ 'status.locked': 'Gesperrt' });
    expect(asked).toEqual(['https://127.0.0.1:5000/app/js/texts/widget-de.json']);
  });

  it.each([
    ['a failed answer', answering({}, 404).fetch],
    ['a file that is not a map of strings', answering({ 'status.locked': 42 }).fetch],
  ])('rejects %s', async (_label, fetch) => {
    await expect(createMessageFetcher({ fetch, baseUrl: 'https://example.com/app/widget.html', page: 'widget' })('fr')).rejects.toThrow();
  });
});

describe('loadMessagesOrEnglish', () => {
  it("fetches only the viewer's language when it loads", async () => {
    const asked: string[] = [];
    await expect(loadMessagesOrEnglish(async (language) => (asked.push(language), { 'status.locked': 'ロック中' }), 'ja')).resolves.toEqual({
      'status.locked': 'ロック中',
    });
    expect(asked).toEqual(['ja']);
  });

  it('falls back to the English texts when the language cannot be loaded', async () => {
    const asked: string[] = [];
    const load = async (language: string) => {
      asked.push(language);
      if (language === 'ja') throw new Error('offline');
      return { 'status.locked': 'Locked' };
    };
    await expect(loadMessagesOrEnglish(load, 'ja')).resolves.toEqual({ 'status.locked': 'Locked' });
    expect(asked).toEqual(['ja', 'en']);
  });

  it('answers no texts, so the built-in lines show, when nothing can be loaded', async () => {
    await expect(loadMessagesOrEnglish(() => Promise.reject(new Error('offline')), 'ja')).resolves.toEqual({});
  });
});
