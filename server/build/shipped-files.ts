import { readdir, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';

/** Files the package cannot do without, relative to app/. */
export const REQUIRED_APP_FILES = [
  'widget.html',
  'overview.html',
  'js/widget.js',
  'js/overview.js',
  'css/widget.css',
  'css/overview.css',
  'translations/en.json',
] as const;

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
 * What ships from app/, relative to it: both pages, every script the build wrote (entries and their
 * chunks), the stylesheets, every translation and everything under img/. Anything else in app/ (a dev build's leftovers, notes) stays home.
 * Throws when a required file is missing, so a half-built app/ is never packed.
 */
export async function listShippedFiles(appDir: string): Promise<string[]> {
  const missing: string[] = [];
  for (const file of REQUIRED_APP_FILES) {
    if (!(await exists(join(appDir, file)))) missing.push(`app/${file}`);
  }
  if (missing.length > 0) throw new Error(`cannot pack, missing: ${missing.join(', ')}`);

  const scripts = (await filesUnder(appDir, 'js')).filter((path) => /^js\/(?:parts\/)?[\w-]+\.js$/.test(path));
  const translations = (await filesUnder(appDir, 'translations')).filter((path) => /^translations\/[^/]+\.json$/.test(path));
  const images = (await exists(join(appDir, 'img'))) ? await filesUnder(appDir, 'img') : [];
  const stylesheets = (await filesUnder(appDir, 'css')).filter((path) => /^css\/[\w-]+\.css$/.test(path));
  return ['widget.html', 'overview.html', ...scripts.sort(), ...stylesheets.sort(), ...translations.sort(), ...images.sort()];
}
