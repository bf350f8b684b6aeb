import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';

// esbuild's ESM output: `import{a as b}from"./chunks/x.js"`, `import"./chunks/x.js"` and `import("./chunks/x.js")`.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)"(\.{1,2}\/[^"]+\.js)"/g;
const DYNAMIC_IMPORT = /\bimport\(\s*"(\.{1,2}\/[^"]+\.js)"\s*\)/g;

export interface ModuleGraph {
  /** The entries and every module they import statically: what the browser fetches before the page runs. */
  firstLoad: string[];
  /** Modules only an `import()` reaches (and what they import): fetched when first needed. */
  onDemand: string[];
  /** The text of every module above, by path. */
  texts: Map<string, string>;
}

const importsOf = (text: string, pattern: RegExp, from: string): string[] =>
  [...text.matchAll(pattern)].map((match) => posix.join(posix.dirname(from), match[1] ?? ''));

/**
 * Follows built modules' imports from `entries` (paths relative to `root`, e.g. app/js/widget.js):
 * static imports for the first load, `import()`s (and theirs) for what loads on demand.
 */
export async function followImports(root: string, entries: string[]): Promise<ModuleGraph> {
  const texts = new Map<string, string>();
  const read = async (path: string) => {
    const text = texts.get(path) ?? (await readFile(join(root, path), 'utf8'));
    texts.set(path, text);
    return text;
  };
  const firstLoad = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const path = pending.pop() as string;
    if (firstLoad.has(path)) continue;
    firstLoad.add(path);
    pending.push(...importsOf(await read(path), STATIC_IMPORT, path));
  }
  const onDemand = new Set<string>();
  const later = [...firstLoad].flatMap((path) => importsOf(texts.get(path) ?? '', DYNAMIC_IMPORT, path));
  while (later.length > 0) {
    const path = later.pop() as string;
    if (firstLoad.has(path) || onDemand.has(path)) continue;
    onDemand.add(path);
    const text = await read(path);
    later.push(...importsOf(text, STATIC_IMPORT, path), ...importsOf(text, DYNAMIC_IMPORT, path));
  }
  return { firstLoad: [...firstLoad], onDemand: [...onDemand], texts };
}
