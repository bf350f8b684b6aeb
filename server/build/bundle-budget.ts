import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The widget's JS and CSS together, gzipped, may not exceed this. */
export const BUDGET_BYTES = 16 * 1024;

export interface BundleSize {
  files: { path: string; bytes: number; gzipBytes: number }[];
  totalGzipBytes: number;
  withinBudget: boolean;
}

export async function measureBundle(root: string): Promise<BundleSize> {
  const paths = ['app/js/widget.js', 'app/css/widget.css'];
  const files = await Promise.all(
    paths.map(async (path) => {
      const content = await readFile(join(root, path));
      return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    }),
  );
  const totalGzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
  return { files, totalGzipBytes, withinBudget: totalGzipBytes <= BUDGET_BYTES };
}

export function formatBudget(size: BundleSize): string {
  const lines = size.files.map((f) => `  ${f.path.padEnd(20)} ${String(f.bytes).padStart(8)} B  ${String(f.gzipBytes).padStart(7)} B gzip`);
  const verdict = size.withinBudget ? 'within' : 'OVER';
  lines.push(`  ${'total'.padEnd(20)} ${''.padStart(8)}    ${String(size.totalGzipBytes).padStart(7)} B gzip (${verdict} the ${BUDGET_BYTES} B budget)`);
  return lines.join('\n');
}
