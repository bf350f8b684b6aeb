import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildWidget } from './build-widget';
import { formatBudget, measureBundle } from './bundle-budget';
import { readPluginManifest } from './plugin-manifest';
import { readZip } from './read-zip';
import { listShippedFiles } from './shipped-files';
import { isTextFile, problemsInShippedText } from './shipped-text-checks';
import { problemsWithPackage, type PackageFile } from './zoho-package-rules';
import { runZet } from './zet';

// buildWidget() always builds this checkout, so the pack works on it too.
const root = fileURLToPath(new URL('../../', import.meta.url));

export interface PackOptions {
  /** Where the zip goes; defaults to dist/ of this checkout. */
  outDir?: string;
  /** Progress lines; silent by default. */
  log?: (line: string) => void;
}

export interface PackResult {
  /** e.g. "/…/dist/record-lock.zip": named after the product, never after the checkout folder. */
  zipPath: string;
  /** What the zip holds, as Zoho will see it. */
  files: PackageFile[];
  totalBytes: number;
}

/** Thrown when the package cannot be made; the message says what to fix. */
export class PackError extends Error {
  override readonly name = 'PackError';
}

const packageNameSchema = z.object({ name: z.string().regex(/^[a-z0-9_-]+$/) });

async function productName(): Promise<string> {
  return packageNameSchema.parse(JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))).name;
}

function refuse(heading: string, problems: string[]): void {
  if (problems.length > 0) throw new PackError(`${heading}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

/** Copies what ships into <project>/app and checks it against Zoho's rules; returns the files as packed. */
async function stage(project: string): Promise<PackageFile[]> {
  await copyFile(join(root, 'plugin-manifest.json'), join(project, 'plugin-manifest.json'));
  const files: PackageFile[] = [];
  const leaks: string[] = [];
  for (const relativePath of await listShippedFiles(join(root, 'app'))) {
    const path = `app/${relativePath}`;
    const target = join(project, path);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(root, path), target);
    // Read the staged copy: that is what gets zipped, even if app/ changes meanwhile.
    const content = await readFile(target);
    files.push({ path, bytes: content.length });
    if (isTextFile(path)) leaks.push(...problemsInShippedText(path, content.toString('utf8')));
  }
  refuse('The package would break Zoho\'s rules:', problemsWithPackage(files));
  refuse('The package would carry what only works on this machine:', leaks);
  return files;
}

/** Compares the zip with the staged files: the toolkit drops files silently, we do not. */
async function checkZip(zipPath: string, project: string, staged: PackageFile[]): Promise<void> {
  const entries = readZip(await readFile(zipPath)).filter((entry) => !entry.name.endsWith('/'));
  const inZip = new Map(entries.map((entry) => [entry.name, entry]));
  const problems: string[] = [];
  for (const file of staged) {
    const entry = inZip.get(file.path);
    if (!entry) problems.push(`${file.path} is missing from the zip`);
    else if (!entry.content.equals(await readFile(join(project, file.path)))) problems.push(`${file.path} differs from the staged file`);
    inZip.delete(file.path);
  }
  for (const name of inZip.keys()) problems.push(`${name} is in the zip but was not staged`);
  refuse(`zet pack made a zip that is not what was staged (${zipPath}):`, problems);
}

/**
 * Production build, size budget, then `zet validate` and `zet pack` in a staging folder named after
 * the product, so the zip is dist/<package name>.zip whatever the checkout folder is called.
 */
export async function packExtension({ outDir = join(root, 'dist'), log = () => {} }: PackOptions = {}): Promise<PackResult> {
  const name = await productName();
  await readPluginManifest(join(root, 'plugin-manifest.json'));

  log('Building the widget for production…');
  await buildWidget({ production: true });
  const budget = await measureBundle(root);
  if (!budget.withinBudget) throw new PackError(`The widget is over its size budget:\n${formatBudget(budget)}`);
  log(formatBudget(budget));

  const workDir = await mkdtemp(join(tmpdir(), `${name}-pack-`));
  try {
    const project = join(workDir, name);
    await mkdir(project);
    const files = await stage(project);
    const zetRun = { projectDir: project, configDir: join(workDir, 'zet-config') };
    log(await runZet('validate', zetRun));
    log(await runZet('pack', zetRun));

    const stagedZip = join(project, 'dist', `${name}.zip`);
    const made = await stat(stagedZip).catch(() => null);
    if (!made || made.size === 0) throw new PackError(`zet pack reported no error but made no zip at ${stagedZip}`);
    await checkZip(stagedZip, project, files);

    const zipPath = join(outDir, `${name}.zip`);
    await mkdir(outDir, { recursive: true });
    await copyFile(stagedZip, zipPath);
    return { zipPath, files, totalBytes: files.reduce((sum, file) => sum + file.bytes, 0) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The zip's files and sizes, and the total, as `npm run pack` prints them. */
export function formatPackReport({ zipPath, files, totalBytes }: PackResult): string {
  const width = Math.max(...files.map((file) => file.path.length), 'total'.length);
  const lines = files.map((file) => `  ${file.path.padEnd(width)} ${String(file.bytes).padStart(9)} B`);
  lines.push(`  ${'total'.padEnd(width)} ${String(totalBytes).padStart(9)} B in ${files.length} files`);
  return `Packed ${zipPath}\n${lines.join('\n')}`;
}

// `npm run pack`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const result = await packExtension({ log: (line) => console.log(line) });
    console.log(formatPackReport(result));
  } catch (error) {
    // Every failure here names its cause in its message; a stack trace would only bury it.
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
