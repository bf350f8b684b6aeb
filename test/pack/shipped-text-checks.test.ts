import { describe, expect, it } from 'vitest';
import { isTextFile, problemsInShippedText } from '../../server/build/shipped-text-checks';

describe('problemsInShippedText', () => {
  it.each([
    { text: 'x();\n//# sourceMappingURL=data:application/json;base64,e30=', found: 'source map' },
    { text: '/*# sourceMappingURL=widget.css.map */', found: 'source map' },
    { text: 'fetch("http://localhost:5000/api")', found: 'localhost' },
    { text: 'src="https://127.0.0.1:5000/app/sdk.js"', found: 'loopback' },
    { text: 'const u = "file:///work/main/app/js/widget.js"', found: 'file: URL' },
    { text: 'error at /home/dev/record-lock/widget/main.tsx:3', found: 'absolute local path' },
    { text: '"at (/work/main/widget/crm/crm.ts)"', found: 'absolute local path' },
  ])('flags $found in "$text"', ({ text, found }) => {
    expect(problemsInShippedText('app/js/widget.js', text).join('\n')).toContain(found);
  });

  it.each([
    '<script src="https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js"></script>',
    'const url = `${apiDomain}/crm/v8/${module}/${id}/Locking_Information__s`',
    'see https://example.com/home/help and https://example.com/work/',
    '{"status.locked.byUserAt": "Locked by {name} on {date}"}',
  ])('lets through what is meant to ship: %s', (text) => {
    expect(problemsInShippedText('app/js/widget.js', text)).toEqual([]);
  });

  it('names the file and shows where the leak is', () => {
    const [problem] = problemsInShippedText('app/css/widget.css', 'a{color:red}/*# sourceMappingURL=x.map */');
    expect(problem).toMatch(/^app\/css\/widget\.css contains .*sourceMappingURL=x\.map/);
  });
});

describe('isTextFile', () => {
  it.each([
    ['app/widget.html', true],
    ['app/js/widget.js', true],
    ['app/translations/de.json', true],
    ['app/img/icon.SVG', true],
    ['app/img/icon.png', false],
    ['app/fonts/inter.woff2', false],
  ])('%s is text: %s', (path, expected) => {
    expect(isTextFile(path)).toBe(expected);
  });
});
