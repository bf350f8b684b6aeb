import { extname, posix } from 'node:path';

/**
 * What Zoho accepts in an extension package, as the Zoho Extension Toolkit (1.0.24) checks it and
 * as the Marketplace upload limits it. The toolkit drops files with other extensions from the zip
 * without failing, so we check first and refuse instead.
 */
export const ZOHO_PACKAGE_LIMITS = {
  /** .json files count twice (the toolkit tallies translations again). */
  maxFiles: 250,
  maxFileBytes: 5_000_000,
  maxTotalBytes: 20_000_000,
  maxFileNameLength: 250,
  fileName: /^[A-Za-z0-9_.$-]*$/,
  /** No dots: the toolkit aborts on a folder such as `lib.v2`. */
  folderName: /^[A-Za-z0-9_$-]*$/,
  allowedExtensions: [
    '.jpg', '.jpeg', '.png', '.gif', '.svg',
    '.css', '.woff', '.woff2', '.ttf', '.eot', '.webm',
    '.js',
    '.mp3', '.mp4',
    '.json', '.txt', '.md', '.xml',
    '.html',
  ],
} as const;

export interface PackageFile {
  /** Path inside the package, with forward slashes, e.g. "app/js/widget.js". */
  path: string;
  bytes: number;
}

/** Counts files the way Zoho does: every .json file twice. */
export function countedFiles(files: readonly PackageFile[]): number {
  return files.reduce((count, file) => count + (file.path.endsWith('.json') ? 2 : 1), 0);
}

/**
 * Every way the files break Zoho's rules, one sentence each; empty when the package is acceptable.
 * @example problemsWithPackage([{ path: 'app/js/widget.js.map', bytes: 10 }]) // ['app/js/widget.js.map: …']
 */
export function problemsWithPackage(files: readonly PackageFile[]): string[] {
  const limits = ZOHO_PACKAGE_LIMITS;
  const problems: string[] = [];
  for (const file of files) {
    const segments = file.path.split('/');
    const fileName = segments.pop() ?? '';
    for (const folder of segments) {
      if (!limits.folderName.test(folder)) problems.push(`${file.path}: folder name "${folder}" may hold only A-Z a-z 0-9 _ $ - (no dots)`);
    }
    const extension = extname(fileName).toLowerCase();
    if (fileName === '' || fileName.startsWith('.')) problems.push(`${file.path}: file names may not start with a dot`);
    else if (!(limits.allowedExtensions as readonly string[]).includes(extension)) {
      problems.push(`${file.path}: "${extension || 'no extension'}" is not a file type Zoho accepts; the toolkit would silently leave it out`);
    }
    if (!limits.fileName.test(fileName)) problems.push(`${file.path}: file name may hold only A-Z a-z 0-9 _ . $ -`);
    if (fileName.length > limits.maxFileNameLength) problems.push(`${file.path}: file name longer than ${limits.maxFileNameLength} characters`);
    if (file.bytes > limits.maxFileBytes) problems.push(`${file.path}: ${file.bytes} bytes, over Zoho's ${limits.maxFileBytes} bytes a file`);
  }
  const uniquePaths = new Set(files.map((file) => posix.normalize(file.path)));
  if (uniquePaths.size !== files.length) problems.push('the same path appears twice');
  const counted = countedFiles(files);
  if (counted > limits.maxFiles) problems.push(`${counted} files (.json counted twice), over Zoho's ${limits.maxFiles}`);
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  if (total > limits.maxTotalBytes) problems.push(`${total} bytes in all, over Zoho's ${limits.maxTotalBytes}`);
  return problems;
}
