import * as esbuild from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { measureBundle, formatBudget } from './bundle-budget';
import { followImports } from './module-graph';
import { PAGES, STYLESHEET_ENTRIES, type PageEntry } from './page-entries';
import { renderPageHtml } from './page-html';
import { SUPPORTED_LANGUAGES } from '../../widget/i18n/locale';
import { keysNamedIn, pageCatalog, readTranslations, type Translations } from './page-texts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildOptions {
  /** Minified, no source maps: what `npm run pack` ships. */
  production?: boolean;
}

function commonOptions(production: boolean): esbuild.BuildOptions {
  return {
    absWorkingDir: root,
    bundle: true,
    target: ['chrome109', 'firefox115', 'safari15.4', 'edge109'],
    minify: production,
    sourcemap: production ? false : 'inline',
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/**
 * One page's script as an ES module, split by esbuild: what only an `import()` reaches, and what
 * the page and such a module share, land in chunks of their own, each loaded once. Each page is
 * split on its own, so a view fetches no chunk cut to fit another page's parts.
 */
function scriptOptions(production: boolean, name: string, page: PageEntry): esbuild.BuildOptions {
  return {
    ...commonOptions(production),
    entryPoints: { [name]: page.script },
    outdir: 'app/js',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  };
}

const scriptBuilds = (production: boolean) => Object.entries(PAGES).map(([name, page]) => scriptOptions(production, name, page));

function stylesheetOptions(production: boolean): esbuild.BuildOptions {
  return { ...commonOptions(production), entryPoints: STYLESHEET_ENTRIES, outdir: 'app/css' };
}

/**
 * What follows a page's script: its HTML, preloading the modules its entry imports, and its texts
 * in each language (only the keys its modules name, English filling any gap).
 */
async function writePage(name: string, page: PageEntry, translations: Translations): Promise<void> {
  await mkdir(`${root}app/js/texts`, { recursive: true });
  const entry = `app/js/${name}.js`;
  const graph = await followImports(root, [entry]);
  const html = renderPageHtml({
    title: page.title,
    stylesheets: page.stylesheets.map((sheet) => `css/${sheet}.css`),
    script: `js/${name}.js`,
    preloads: graph.firstLoad.filter((path) => path !== entry).map((path) => path.slice('app/'.length)),
  });
  await writeFile(`${root}app/${name}.html`, html);
  const keys = keysNamedIn([...graph.texts.values()].join('\n'), translations.en);
  for (const language of SUPPORTED_LANGUAGES) {
    await writeFile(`${root}app/js/texts/${name}-${language}.json`, JSON.stringify(pageCatalog(keys, translations, language)));
  }
}

async function writePages(): Promise<void> {
  const translations = await readTranslations(`${root}app/translations`);
  for (const [name, page] of Object.entries(PAGES)) await writePage(name, page, translations);
}

async function cleanOutput(): Promise<void> {
  await Promise.all(['app/js', 'app/css', ...Object.keys(PAGES).map((name) => `app/${name}.html`)].map((path) => rm(`${root}${path}`, { recursive: true, force: true })));
}

/** Builds widget/ into app/ once, from empty folders so nothing stale ships. */
export async function buildWidget({ production = false }: BuildOptions = {}): Promise<void> {
  await cleanOutput();
  await Promise.all([...scriptBuilds(production), stylesheetOptions(production)].map((options) => esbuild.build(options)));
  await writePages();
}

/** Rebuilds on every change under widget/; returns a function that stops watching. */
export async function watchWidget(onRebuild: (errors: number) => void): Promise<() => Promise<void>> {
  // Each page's script rebuilds on its own; that page's HTML and texts are written again after it.
  const pageWriter = (name: string, page: PageEntry): esbuild.Plugin => ({
    name: `page-${name}`,
    setup(build) {
      build.onEnd(async (result) => {
        const write = async () => writePage(name, page, await readTranslations(`${root}app/translations`));
        const failed = result.errors.length > 0 ? 0 : await write().then(() => 0, () => 1);
        onRebuild(result.errors.length + failed);
      });
    },
  });
  const contexts = await Promise.all([
    ...Object.entries(PAGES).map(([name, page]) => esbuild.context({ ...scriptOptions(false, name, page), plugins: [pageWriter(name, page)] })),
    esbuild.context(stylesheetOptions(false)),
  ]);
  await Promise.all(contexts.map((context) => context.watch()));
  return async () => {
    await Promise.all(contexts.map((context) => context.dispose()));
  };
}

// `tsx server/build/build-widget.ts [--production]`: the production build also enforces the size budget.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const production = process.argv.includes('--production');
  await buildWidget({ production });
  const budget = await measureBundle(root);
  console.log(formatBudget(budget));
  if (production && !budget.withinBudget) process.exitCode = 1;
}
