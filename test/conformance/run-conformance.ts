/**
 * Runs every conformance case against a local copy of Zoho's OpenAPI files and sorts each answer:
 * it conforms, it fails (with the schema's errors), or it meets a known defect of the file.
 */
import { schemaErrors } from './answer-check';
import { answerOf, CONFORMANCE_CASES, type ConformanceCase } from './conformance-cases';
import { knownDefectOf, type KnownDefect } from './known-defects';
import { createOasLibrary, type OasLibrary } from './oas-documents';
import { documentedAnswer } from './oas-responses';

export type Verdict = 'pass' | 'fail' | 'known-defect' | 'defect-gone';

export interface CaseResult {
  id: string;
  verdict: Verdict;
  /** The file, operation and status checked against, or why none could be. */
  against: string;
  problems: string[];
  defect?: KnownDefect;
}

const problemsOf = async (library: OasLibrary, entry: ConformanceCase): Promise<{ against: string; generation: '3.0' | '3.1' | null; problems: string[] }> => {
  const document = library.documentOf(entry.area);
  if (!document) return { against: `${entry.area.yaml} or ${entry.area.json}`, generation: null, problems: ['the copy holds neither file'] };
  const answer = await answerOf(entry);
  const documented = documentedAnswer(library, document, entry.method, entry.path, answer.status);
  const statusProblem = answer.status === entry.status ? [] : [`the emulator answered ${answer.status}, the case is about ${entry.status}`];
  if (documented.kind === 'undocumented') return { against: document.file, generation: document.generation, problems: [...statusProblem, documented.reason] };
  if (documented.kind === 'empty') {
    const body = answer.body === undefined ? [] : ['the file documents no body, the emulator sent one'];
    return { against: documented.where, generation: document.generation, problems: [...statusProblem, ...body] };
  }
  if (answer.body === undefined) return { against: documented.where, generation: document.generation, problems: [...statusProblem, 'the file documents a body, the emulator sent none'] };
  const errors = schemaErrors(document.generation, documented.schema, answer.body) ?? [];
  return { against: documented.where, generation: document.generation, problems: [...statusProblem, ...errors] };
};

export const runConformance = async (dir: string, cases: readonly ConformanceCase[] = CONFORMANCE_CASES): Promise<CaseResult[]> => {
  const library = createOasLibrary(dir);
  const results: CaseResult[] = [];
  for (const entry of cases) {
    const { against, generation, problems } = await problemsOf(library, entry);
    const defect = generation === null ? undefined : knownDefectOf(generation, entry.id);
    const verdict: Verdict = defect ? (problems.length > 0 ? 'known-defect' : 'defect-gone') : problems.length > 0 ? 'fail' : 'pass';
    results.push({ id: entry.id, verdict, against, problems, ...(defect ? { defect } : {}) });
  }
  return results;
};

/** The report, one case a line (problems and evidence indented), ending `N/M answers conform`. */
export const conformanceReport = (results: readonly CaseResult[]): string => {
  const label: Record<Verdict, string> = { pass: 'PASS', fail: 'FAIL', 'known-defect': 'KNOWN DEFECT', 'defect-gone': 'PASS (known defect gone)' };
  const lines = results.flatMap((result) => [
    `${label[result.verdict]}  ${result.id}  (${result.against})`,
    ...result.problems.map((problem) => `    ${problem}`),
    ...(result.defect ? [`    the file's defect: ${result.defect.why}`] : []),
  ]);
  const conforming = results.filter((r) => r.verdict === 'pass' || r.verdict === 'defect-gone').length;
  const defects = results.filter((r) => r.verdict === 'known-defect').length;
  const failures = results.filter((r) => r.verdict === 'fail').length;
  return [...lines, '', `${failures} unexpected failure(s), ${defects} known defect(s) of the files`, `${conforming}/${results.length} answers conform`].join('\n');
};
