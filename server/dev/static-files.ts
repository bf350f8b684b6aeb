import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { escapeHtml } from '../harness/escape-html';
import { contentTypeOf } from './content-types';

export type StaticFile = { kind: 'file'; path: string } | { kind: 'directory'; path: string } | { kind: 'missing' };

/**
 * Finds the file a URL path names inside `root`, or `missing`: a path that is malformed, escapes
 * the root (`..`, an encoded slash, a symlink out) or names nothing is missing, never an error.
 * @example await locateStatic('/work/main/app', 'js/widget.js')
 */
export async function locateStatic(root: string, encodedRelativePath: string): Promise<StaticFile> {
  let relative: string;
  try {
    relative = decodeURIComponent(encodedRelativePath);
  } catch {
    return { kind: 'missing' };
  }
  if (relative.includes('\0')) return { kind: 'missing' };
  const base = resolve(root);
  const candidate = resolve(join(base, relative));
  if (candidate !== base && !candidate.startsWith(base + sep)) return { kind: 'missing' };
  try {
    const real = await realpath(candidate);
    const realBase = await realpath(base);
    if (real !== realBase && !real.startsWith(realBase + sep)) return { kind: 'missing' };
    const info = await stat(real);
    if (info.isFile()) return { kind: 'file', path: real };
    if (info.isDirectory()) return { kind: 'directory', path: real };
    return { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
}

/**
 * A chunk's name carries a hash of its content (esbuild's `[name]-[hash]`), so a browser may keep it
 * for good, as any static host serves such files; everything else is fetched afresh, so an edit
 * shows at once.
 */
function cacheControlOf(path: string): string {
  return /[\\/]chunks[\\/][^\\/]+-[A-Z0-9]{8}\.js$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-store';
}

export function notFound(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves `root`'s file at the path; directories answer 404 unless `listDirectories` (zet's dev server lists them). */
export async function serveStatic(
  root: string,
  encodedRelativePath: string,
  options: { listDirectories?: boolean; urlPrefix?: string } = {},
): Promise<Response> {
  const found = await locateStatic(root, encodedRelativePath);
  if (found.kind === 'file') {
    return new Response(await readFile(found.path), {
      headers: { 'Content-Type': contentTypeOf(found.path), 'Cache-Control': cacheControlOf(found.path) },
    });
  }
  if (found.kind === 'directory' && options.listDirectories) {
    const prefix = (options.urlPrefix ?? '/').replace(/\/?$/, '/');
    const entries = await readdir(found.path, { withFileTypes: true });
    const items = entries
      .map((entry) => {
        const name = entry.isDirectory() ? `${entry.name}/` : entry.name;
        return `<li><a href="${escapeHtml(prefix + encodeURIComponent(entry.name) + (entry.isDirectory() ? '/' : ''))}">${escapeHtml(name)}</a></li>`;
      })
      .join('');
    return new Response(`<!doctype html><meta charset="utf-8"><title>${escapeHtml(prefix)}</title><ul>${items}</ul>\n`, {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  }
  return notFound();
}
