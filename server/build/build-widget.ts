import * as esbuild from 'esbuild';
import { rm } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_MODULES, SHARED_MODULES_GLOBAL } from '../../widget/shared-modules';
import { measureBundle, formatBudget } from './bundle-budget';
import { PAGE_ENTRIES, PART_ENTRIES, STYLESHEET_ENTRIES } from './page-entries';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildOptions {
  /** Minified, no source maps: what `npm run pack` ships. */
  production?: boolean;
}

const partNames = new Map(Object.entries(PART_ENTRIES).map(([name, source]) => [resolve(root, source), name]));

/** A page's `import('./reason-form')` of a part stays a request for app/js/parts/reason-form.js. */
const partsStayApart: esbuild.Plugin = {
  name: 'parts-stay-apart',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const base = resolve(args.resolveDir, args.path);
      const name = partNames.get(base) ?? partNames.get(`${base}.tsx`) ?? partNames.get(`${base}.ts`);
      return name ? { path: `./parts/${name}.js`, external: true } : undefined;
    });
  },
};

/** A part's imports of what the page shares (widget/shared-modules.ts) read the page's copy. */
const sharedFromPage: esbuild.Plugin = {
  name: 'shared-from-page',
  setup(build) {
    const shared = SHARED_MODULES as Record<string, Record<string, unknown>>;
    const fromPage = (key: string) => ({ path: key, namespace: 'page' });
    build.onResolve({ filter: /^(preact|@preact\/signals)/ }, (args) =>
      args.path in shared
        ? fromPage(args.path)
        : { errors: [{ text: `A part may not import ${args.path}: widget/shared-modules.ts lists what the page shares` }] },
    );
    build.onResolve({ filter: /^\./ }, (args) => {
      const base = relative(root, resolve(args.resolveDir, args.path)).split(sep).join('/');
      const key = [base, `${base}.ts`, `${base}.tsx`].find((candidate) => candidate in shared);
      return key ? fromPage(key) : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'page' }, (args) => {
      const names = Object.keys(shared[args.path] ?? {});
      return { contents: `export const { ${names.join(', ')} } = globalThis.${SHARED_MODULES_GLOBAL}[${JSON.stringify(args.path)}];`, loader: 'js' };
    });
  },
};

function commonOptions(production: boolean): esbuild.BuildOptions {
  return {
    absWorkingDir: root,
    outdir: 'app',
    bundle: true,
    target: ['chrome109', 'firefox115', 'safari15.4', 'edge109'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: production,
    sourcemap: production ? false : 'inline',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    logLevel: 'warning',
  };
}

/** Each page as one script (what it shows first) plus its stylesheet. */
function pageOptions(production: boolean): esbuild.BuildOptions {
  const pages = Object.fromEntries(Object.entries(PAGE_ENTRIES).map(([name, source]) => [`js/${name}`, source]));
  const stylesheets = Object.fromEntries(Object.entries(STYLESHEET_ENTRIES).map(([name, source]) => [`css/${name}`, source]));
  return { ...commonOptions(production), entryPoints: { ...pages, ...stylesheets }, format: 'iife', plugins: [partsStayApart] };
}

/** Each part as an ES module the page imports when the part is first needed. */
function partOptions(production: boolean): esbuild.BuildOptions {
  const parts = Object.fromEntries(Object.entries(PART_ENTRIES).map(([name, source]) => [`js/parts/${name}`, source]));
  return { ...commonOptions(production), entryPoints: parts, format: 'esm', plugins: [sharedFromPage] };
}

/** Builds widget/ into app/js and app/css once, from empty folders so nothing stale ships. */
export async function buildWidget({ production = false }: BuildOptions = {}): Promise<void> {
  await rm(`${root}app/js`, { recursive: true, force: true });
  await rm(`${root}app/css`, { recursive: true, force: true });
  await Promise.all([esbuild.build(pageOptions(production)), esbuild.build(partOptions(production))]);
}

/** Rebuilds on every change under widget/; returns a function that stops watching. */
export async function watchWidget(onRebuild: (errors: number) => void): Promise<() => Promise<void>> {
  const report = (build: esbuild.PluginBuild) => build.onEnd((result) => onRebuild(result.errors.length));
  const contexts = await Promise.all(
    [pageOptions(false), partOptions(false)].map((options) =>
      esbuild.context({ ...options, plugins: [...(options.plugins ?? []), { name: 'report', setup: report }] }),
    ),
  );
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
