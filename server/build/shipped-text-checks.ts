/** Extensions of the shipped files that are text and get read for leaks. */
export const TEXT_EXTENSIONS = ['.html', '.js', '.css', '.json', '.svg', '.txt', '.md', '.xml'] as const;

const LEAKS: { pattern: RegExp; what: string }[] = [
  { pattern: /sourceMappingURL/, what: 'a source map reference (a development build slipped in)' },
  { pattern: /localhost/i, what: 'a localhost address' },
  { pattern: /127\.0\.0\.1|0\.0\.0\.0|\[::1\]/, what: 'a loopback address' },
  { pattern: /file:\/\//i, what: 'a file: URL' },
  // An absolute path of this machine, not a URL path such as https://example.com/home/.
  { pattern: /(?<![\w.:/-])\/(home|work|tmp|root|Users)\//, what: 'an absolute local path' },
];

/** Whether a shipped file is text that should be checked. */
export function isTextFile(path: string): boolean {
  return TEXT_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));
}

/**
 * What in a shipped text file would only work on the developer's machine, one sentence each.
 * @example problemsInShippedText('app/js/widget.js', '//# sourceMappingURL=data:…') // ['app/js/widget.js contains a source map reference …']
 */
export function problemsInShippedText(path: string, text: string): string[] {
  return LEAKS.flatMap(({ pattern, what }) => {
    const match = pattern.exec(text);
    if (!match) return [];
    const around = text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30).replace(/\s+/g, ' ');
    return [`${path} contains ${what}: …${around}…`];
  });
}
