import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { followImports } from './module-graph';
import { PAGES } from './page-entries';
import { SUPPORTED_LANGUAGES } from '../../widget/i18n/locale';

/**
 * What one page loads first (its script, the modules that script imports statically, and its
 * stylesheets), gzipped, may not exceed this. What is not on screen at first loads on demand and
 * is not counted here, nor are the page's texts, which are printed apart.
 */
export const BUDGET_BYTES = 25_600;
/** What each page's first load aims at, printed beside the ceiling. */
export const TARGET_BYTES = 20_480;

export interface BuiltFile {
  /** e.g. "app/js/widget.js" */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageSize {
  page: string;
  /** The page's script, the modules it imports statically, and its stylesheets. */
  firstLoad: BuiltFile[];
  firstLoadGzipBytes: number;
  /** Modules only `import()` reaches from this page: loaded when they are needed. */
  onDemand: BuiltFile[];
  onDemandGzipBytes: number;
  /** The page's texts in each language: a viewer fetches one of them. */
  texts: BuiltFile[];
  withinBudget: boolean;
}

export interface BundleSize {
  pages: PageSize[];
  withinBudget: boolean;
}

async function measure(root: string, path: string): Promise<BuiltFile> {
  const content = await readFile(join(root, path));
  return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

const sum = (files: BuiltFile[]) => files.reduce((total, file) => total + file.gzipBytes, 0);

async function measurePage(root: string, page: string): Promise<PageSize> {
  const graph = await followImports(root, [`app/js/${page}.js`]);
  const stylesheets = (PAGES[page]?.stylesheets ?? []).map((name) => `app/css/${name}.css`);
  const firstLoad = await Promise.all([...graph.firstLoad, ...stylesheets].map((path) => measure(root, path)));
  const onDemand = await Promise.all(graph.onDemand.map((path) => measure(root, path)));
  const texts = await Promise.all(SUPPORTED_LANGUAGES.map((language) => measure(root, `app/js/texts/${page}-${language}.json`)));
  const firstLoadGzipBytes = sum(firstLoad);
  return {
    page,
    firstLoad,
    firstLoadGzipBytes,
    onDemand,
    onDemandGzipBytes: sum(onDemand),
    texts,
    withinBudget: firstLoadGzipBytes <= BUDGET_BYTES,
  };
}

/** Every page's first-load, on-demand and text bytes, from the files the last build wrote. */
export async function measureBundle(root: string): Promise<BundleSize> {
  const pages = await Promise.all(Object.keys(PAGES).map((page) => measurePage(root, page)));
  return { pages, withinBudget: pages.every((page) => page.withinBudget) };
}

export function formatBudget(size: BundleSize): string {
  const line = (file: BuiltFile) =>
    `    ${file.path.padEnd(40)} ${String(file.bytes).padStart(8)} B  ${String(file.gzipBytes).padStart(7)} B gzip`;
  const lines: string[] = [];
  for (const page of size.pages) {
    const verdict = page.withinBudget ? 'within' : 'OVER';
    lines.push(`  ${page.page}: first load ${page.firstLoadGzipBytes} B gzip (${verdict} the ${BUDGET_BYTES} B ceiling; aim ${TARGET_BYTES} B)`);
    lines.push(...page.firstLoad.map(line));
    lines.push(`  ${page.page}: on demand ${page.onDemandGzipBytes} B gzip`);
    lines.push(...page.onDemand.map(line));
    lines.push(`  ${page.page}: texts, one language per viewer`);
    lines.push(...page.texts.map(line));
  }
  return lines.join('\n');
}
