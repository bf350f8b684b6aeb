// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { showTheme } from '../../../widget/ui/theme';

const nightLinks = () => document.head.querySelectorAll('link[rel="stylesheet"][href="css/night.css"]');

describe('showTheme', () => {
  afterEach(() => document.head.replaceChildren());

  it('adds the night palette once for a Night user', () => {
    showTheme(document, 'night');
    showTheme(document, 'night');
    expect(nightLinks()).toHaveLength(1);
  });

  it('fetches nothing for a Day user', () => {
    showTheme(document, 'day');
    expect(nightLinks()).toHaveLength(0);
  });
});
