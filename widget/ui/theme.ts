import type { Theme } from '../host/host';

/**
 * Shows the page in the user's Zoho theme: Night adds the night palette (css/night.css: the same
 * custom properties, dark), fetched only for a viewer who uses it.
 */
export function showTheme(document: Document, theme: Theme): void {
  if (theme !== 'night' || document.querySelector('link[data-theme]')) return;
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'css/night.css' });
  link.dataset['theme'] = theme;
  document.head.append(link);
}
