/**
 * Zoho's OpenAPI files, read from a local copy (never from the network, never committed): the
 * OAS 3.1 YAML set (one folder per area) where present, else the older OAS 3.0 JSON set (one file
 * per area). `$ref`s are followed within and across files; a 3.0 file names its neighbours by a
 * full address, of which only the file name counts here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export type OasGeneration = '3.1' | '3.0';

export interface OasDocument {
  generation: OasGeneration;
  /** The file, relative to the copy's v8.0 folder. */
  file: string;
  root: unknown;
}

/** An area of the API and where each generation describes it. */
export interface OasArea {
  yaml: string;
  json: string;
}

/** The copy's `v8.0` folder: DIR itself, or DIR/v8.0 for a clone of the whole repository. */
export const versionFolder = (dir: string): string => (existsSync(join(dir, 'v8.0')) ? join(dir, 'v8.0') : dir);

export const createOasLibrary = (dir: string) => {
  const base = versionFolder(resolve(dir));
  const cache = new Map<string, unknown>();

  const readFile = (file: string): unknown => {
    const known = cache.get(file);
    if (known !== undefined) return known;
    const text = readFileSync(join(base, file), 'utf8');
    const root: unknown = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    cache.set(file, root);
    return root;
  };

  /** The area's 3.1 file when the copy has it, else its 3.0 file, else null. */
  const documentOf = (area: OasArea): OasDocument | null => {
    if (existsSync(join(base, area.yaml))) return { generation: '3.1', file: area.yaml, root: readFile(area.yaml) };
    if (existsSync(join(base, area.json))) return { generation: '3.0', file: area.json, root: readFile(area.json) };
    return null;
  };

  /** The file a `$ref` points into, relative to the v8.0 folder: its own for `#…`, a neighbour by name otherwise. */
  const fileOfRef = (from: string, ref: string): string => {
    const [target = ''] = ref.split('#');
    if (target === '') return from;
    if (/^[a-z]+:\/\//i.test(target)) return target.slice(target.lastIndexOf('/') + 1);
    return join(dirname(from), target);
  };

  const pointer = (root: unknown, fragment: string): unknown =>
    fragment
      .split('/')
      .filter((part) => part !== '')
      .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), root);

  /**
   * `node` with every `$ref` replaced by what it names, read from `file`'s point of view. A ref met
   * again inside itself (a recursive schema) becomes `{}`, which accepts anything there.
   */
  const inline = (node: unknown, file: string, seen: readonly string[] = []): unknown => {
    if (Array.isArray(node)) return node.map((item) => inline(item, file, seen));
    if (typeof node !== 'object' || node === null) return node;
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') {
      const target = fileOfRef(file, ref);
      const key = `${target}#${ref.split('#')[1] ?? ''}`;
      if (seen.includes(key)) return {};
      const found = pointer(readFile(target), ref.split('#')[1] ?? '');
      if (found === undefined) throw new Error(`${file}: $ref ${ref} names nothing`);
      return inline(found, target, [...seen, key]);
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, inline(v, file, seen)]));
  };

  return { documentOf, inline };
};

export type OasLibrary = ReturnType<typeof createOasLibrary>;
