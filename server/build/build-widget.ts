import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { measureBundle, formatBudget } from './bundle-budget';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildOptions {
  /** Minified, no source maps: what `npm run pack` ships. */
  production?: boolean;
}

function buildOptions({ production = false }: BuildOptions): esbuild.BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: { 'js/widget': 'widget/main.tsx', 'css/widget': 'widget/ui/widget.css' },
    outdir: 'app',
    bundle: true,
    format: 'iife',
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

/** Builds widget/ into app/js and app/css once. */
export async function buildWidget(options: BuildOptions = {}): Promise<void> {
  await esbuild.build(buildOptions(options));
}

/** Rebuilds on every change under widget/; returns a function that stops watching. */
export async function watchWidget(onRebuild: (errors: number) => void): Promise<() => Promise<void>> {
  const context = await esbuild.context({
    ...buildOptions({}),
    plugins: [{ name: 'report', setup: (build) => build.onEnd((result) => onRebuild(result.errors.length)) }],
  });
  await context.watch();
  return () => context.dispose();
}

// `tsx server/build/build-widget.ts [--production]`: the production build also enforces the size budget.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const production = process.argv.includes('--production');
  await buildWidget({ production });
  const budget = await measureBundle(root);
  console.log(formatBudget(budget));
  if (production && !budget.withinBudget) process.exitCode = 1;
}
