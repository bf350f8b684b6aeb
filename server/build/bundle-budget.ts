import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_ENTRIES, PAGE_STYLESHEETS } from './page-entries';

/**
 * What one page loads first (its script, anything that script imports statically, and the
 * stylesheet), gzipped, may not exceed this. Preact with hooks, @preact/signals and zod/mini alone
 * take about 13.5 KB of it; what is not on screen at first loads on demand and is not counted.
 */
export const BUDGET_BYTES = 25_600;

export interface BuiltFile {
  /** e.g. "app/js/widget.js" */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageSize {
  page: string;
  /** The page's script, anything it imports statically, and the stylesheet. */
  firstLoad: BuiltFile[];
  firstLoadGzipBytes: number;
  /** Parts only `import()` reaches from this page: loaded when they are needed. */
  onDemand: BuiltFile[];
  onDemandGzipBytes: number;
  withinBudget: boolean;
}

export interface BundleSize {
  pages: PageSize[];
  withinBudget: boolean;
}

// esbuild's ESM output: `import{a as b}from"./chunks/x.js"`, `import"./chunks/x.js"` and `import("./parts/x.js")`.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)"(\.{1,2}\/[^"]+\.js)"/g;
const DYNAMIC_IMPORT = /\bimport\(\s*"(\.{1,2}\/[^"]+\.js)"\s*\)/g;

async function measure(root: string, path: string): Promise<BuiltFile & { text: string }> {
  const content = await readFile(join(root, path));
  return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length, text: content.toString('utf8') };
}

const importsOf = (text: string, pattern: RegExp, from: string): string[] =>
  [...text.matchAll(pattern)].map((match) => posix.join(posix.dirname(from), match[1] ?? ''));

const sum = (files: BuiltFile[]) => files.reduce((total, file) => total + file.gzipBytes, 0);
const plain = ({ path, bytes, gzipBytes }: BuiltFile): BuiltFile => ({ path, bytes, gzipBytes });

/** Follows a page's static imports for its first load, and its `import()`s (and theirs) for what loads on demand. */
async function measurePage(root: string, page: string): Promise<PageSize> {
  const firstLoad = new Map<string, BuiltFile & { text: string }>();
  const pending = [`app/js/${page}.js`];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (firstLoad.has(path)) continue;
    const file = await measure(root, path);
    firstLoad.set(path, file);
    pending.push(...importsOf(file.text, STATIC_IMPORT, path));
  }
  const onDemand = new Map<string, BuiltFile & { text: string }>();
  const later = [...firstLoad.values()].flatMap((file) => importsOf(file.text, DYNAMIC_IMPORT, file.path));
  for (let path = later.pop(); path !== undefined; path = later.pop()) {
    if (firstLoad.has(path) || onDemand.has(path)) continue;
    const file = await measure(root, path);
    onDemand.set(path, file);
    later.push(...importsOf(file.text, STATIC_IMPORT, path), ...importsOf(file.text, DYNAMIC_IMPORT, path));
  }
  const stylesheets = await Promise.all((PAGE_STYLESHEETS[page] ?? ['widget']).map((name) => measure(root, `app/css/${name}.css`)));
  const loadedFirst = [...firstLoad.values(), ...stylesheets].map(plain);
  const firstLoadGzipBytes = sum(loadedFirst);
  return {
    page,
    firstLoad: loadedFirst,
    firstLoadGzipBytes,
    onDemand: [...onDemand.values()].map(plain),
    onDemandGzipBytes: sum([...onDemand.values()]),
    withinBudget: firstLoadGzipBytes <= BUDGET_BYTES,
  };
}

/** Every page's first-load and on-demand bytes, from the files the last build wrote. */
export async function measureBundle(root: string): Promise<BundleSize> {
  const pages = await Promise.all(Object.keys(PAGE_ENTRIES).map((page) => measurePage(root, page)));
  return { pages, withinBudget: pages.every((page) => page.withinBudget) };
}

export function formatBudget(size: BundleSize): string {
  const line = (file: BuiltFile) =>
    `    ${file.path.padEnd(34)} ${String(file.bytes).padStart(8)} B  ${String(file.gzipBytes).padStart(7)} B gzip`;
  const lines: string[] = [];
  for (const page of size.pages) {
    const verdict = page.withinBudget ? 'within' : 'OVER';
    lines.push(`  ${page.page}: first load ${page.firstLoadGzipBytes} B gzip (${verdict} the ${BUDGET_BYTES} B ceiling)`);
    lines.push(...page.firstLoad.map(line));
    lines.push(`  ${page.page}: on demand ${page.onDemandGzipBytes} B gzip`);
    lines.push(...page.onDemand.map(line));
  }
  return lines.join('\n');
}
