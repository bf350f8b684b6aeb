import { readdir, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { PAGES } from './page-entries';

const pageNames = Object.keys(PAGES);

/** Files the package cannot do without, relative to app/: each page, its script, stylesheets and English texts. */
export const REQUIRED_APP_FILES: readonly string[] = [
  ...pageNames.map((name) => `${name}.html`),
  ...pageNames.map((name) => `js/${name}.js`),
  ...[...new Set(Object.values(PAGES).flatMap((page) => page.stylesheets))].map((name) => `css/${name}.css`),
  ...pageNames.map((name) => `js/texts/${name}-en.json`),
  'translations/en.json',
];

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    // exists() answers "no" for any stat failure, which is what a missing file gives
    return false;
  }
}

async function filesUnder(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(root, folder), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join(posix.sep));
}

/**
 * What ships from app/, relative to it: the pages, every script the build wrote (entries and their
 * chunks), each page's texts, the stylesheets, the translations they come from (Zoho's convention)
 * and everything under img/. Anything else in app/ (a dev build's leftovers, notes) stays home.
 * Throws when a required file is missing, so a half-built app/ is never packed.
 */
export async function listShippedFiles(appDir: string): Promise<string[]> {
  const missing: string[] = [];
  for (const file of REQUIRED_APP_FILES) {
    if (!(await exists(join(appDir, file)))) missing.push(`app/${file}`);
  }
  if (missing.length > 0) throw new Error(`cannot pack, missing: ${missing.join(', ')}`);

  const scripts = (await filesUnder(appDir, 'js')).filter((path) => /^js\/(?:chunks\/)?[\w-]+\.js$|^js\/texts\/[\w-]+\.json$/.test(path));
  const translations = (await filesUnder(appDir, 'translations')).filter((path) => /^translations\/[^/]+\.json$/.test(path));
  const images = (await exists(join(appDir, 'img'))) ? await filesUnder(appDir, 'img') : [];
  const stylesheets = (await filesUnder(appDir, 'css')).filter((path) => /^css\/[\w-]+\.css$/.test(path));
  return [...pageNames.map((name) => `${name}.html`), ...scripts.sort(), ...stylesheets.sort(), ...translations.sort(), ...images.sort()];
}
