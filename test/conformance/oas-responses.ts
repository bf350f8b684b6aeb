/** Finds, in one OpenAPI document, the operation a call reaches and the answer it documents for a status. */
import type { OasDocument, OasLibrary } from './oas-documents';

export type DocumentedAnswer =
  | { kind: 'schema'; schema: unknown; where: string }
  | { kind: 'empty'; where: string }
  | { kind: 'undocumented'; reason: string };

/** A path template's segments after its `/crm/{version}` prefix, which the 3.0 files keep. */
const templateSegments = (template: string): string[] =>
  template
    .split('/')
    .filter((s) => s !== '')
    .filter((s, i, all) => !(i === 0 && s === 'crm') && !(i === 1 && all[0] === 'crm' && /^(v\d+|\{version\})$/.test(s)));

const isParameter = (segment: string): boolean => /^\{.+\}$/.test(segment);

/** The file's path template for a concrete path: every literal segment equal, the most literal one wins. */
export const matchPath = (paths: readonly string[], concrete: string): string | null => {
  const segments = concrete.split('?')[0]?.split('/').filter((s) => s !== '') ?? [];
  let best: { template: string; literals: number } | null = null;
  for (const template of paths) {
    const parts = templateSegments(template);
    if (parts.length !== segments.length) continue;
    if (!parts.every((part, i) => isParameter(part) || part === segments[i])) continue;
    const literals = parts.filter((part) => !isParameter(part)).length;
    if (best === null || literals > best.literals) best = { template, literals };
  }
  return best?.template ?? null;
};

const objectAt = (node: unknown, key: string): Record<string, unknown> | undefined => {
  const value = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
};

/** What the document says `method path` answers with `status`: a JSON schema, no body, or nothing at all. */
export const documentedAnswer = (library: OasLibrary, document: OasDocument, method: string, path: string, status: number): DocumentedAnswer => {
  const paths = objectAt(document.root, 'paths') ?? {};
  const template = matchPath(Object.keys(paths), path);
  if (template === null) return { kind: 'undocumented', reason: `${document.file} has no path for ${path}` };
  const operation = objectAt(paths[template], method.toLowerCase());
  if (!operation) return { kind: 'undocumented', reason: `${document.file} has no ${method} ${template}` };
  const responses = objectAt(operation, 'responses') ?? {};
  const code = [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in responses);
  const where = `${document.file} ${method} ${template} ${code ?? status}`;
  if (code === undefined) return { kind: 'undocumented', reason: `${document.file} ${method} ${template} documents no ${status} answer (only ${Object.keys(responses).join(', ')})` };
  const response = library.inline(responses[code], document.file) as Record<string, unknown>;
  const schema = objectAt(objectAt(response, 'content')?.['application/json'], 'schema');
  return schema ? { kind: 'schema', schema, where } : { kind: 'empty', where };
};
