// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const html = readFileSync(join(import.meta.dirname, '../../app/widget.html'), 'utf8');
const document = new DOMParser().parseFromString(html, 'text/html');

const policyText = document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? '';
const directives = new Map(
  policyText
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0] !== undefined && words[0] !== '')
    .map(([name = '', ...sources]) => [name.toLowerCase(), sources] as const),
);
const ZOHO_SDK_ORIGIN = 'https://live.zwidgets.com';

describe('app/widget.html', () => {
  it('carries a Content-Security-Policy meta tag', () => {
    expect(policyText).not.toBe('');
  });

  it("denies everything by default: default-src 'none'", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it("allows scripts only from the widget itself and Zoho's SDK host", () => {
    expect(new Set(directives.get('script-src'))).toEqual(new Set(["'self'", ZOHO_SDK_ORIGIN]));
  });

  it.each(["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:'])(
    'never allows %s for scripts, and no directive allows inline or eval',
    (source) => {
      expect(directives.get('script-src') ?? []).not.toContain(source);
      expect(policyText).not.toMatch(/'unsafe-(inline|eval)'/);
    },
  );

  it.each(['base-uri', 'form-action'])('sets %s, which default-src does not cover', (name) => {
    expect(directives.get(name)).toEqual(["'none'"]);
  });

  it('has no inline script: every script has a src and no body', () => {
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.getAttribute('src')).toBeTruthy();
      expect(script.textContent?.trim()).toBe('');
    }
  });

  it('loads each script from the widget itself or from the SDK host', () => {
    for (const script of document.querySelectorAll('script')) {
      const src = new URL(script.getAttribute('src') ?? '', 'https://widget.example/app/widget.html');
      expect(['https://widget.example', ZOHO_SDK_ORIGIN]).toContain(src.origin);
    }
  });

  it('has no inline event handler attributes and no javascript: URLs', () => {
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name.toLowerCase().startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
        expect(attribute.value.trim().toLowerCase().startsWith('javascript:')).toBe(false);
      }
    }
  });
});
