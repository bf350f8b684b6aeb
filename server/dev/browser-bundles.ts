import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** The dev server's own browser scripts, bundled from TypeScript on first request. */
export const BROWSER_ENTRIES = {
  sdk: `${serverDir}sdk/entry.ts`,
  harness: `${serverDir}harness/page/main.ts`,
} as const;

export type BrowserEntry = keyof typeof BROWSER_ENTRIES;

/** Bundles each entry once per server into an IIFE held in memory. */
export function createBrowserBundles(): (entry: BrowserEntry) => Promise<string> {
  const built = new Map<BrowserEntry, Promise<string>>();
  return (entry) => {
    let bundle = built.get(entry);
    if (!bundle) {
      bundle = esbuild
        .build({
          entryPoints: [BROWSER_ENTRIES[entry]],
          bundle: true,
          write: false,
          format: 'iife',
          target: ['chrome109', 'firefox115', 'safari15.4'],
          legalComments: 'none',
          logLevel: 'silent',
        })
        .then((result) => result.outputFiles[0]?.text ?? '');
      // A failed build is retried on the next request rather than cached.
      bundle.catch(() => built.delete(entry));
      built.set(entry, bundle);
    }
    return bundle;
  };
}
