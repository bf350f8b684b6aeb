import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator';
import type { ConformanceCase } from './conformance-cases';
import { matchPath } from './oas-responses';
import { conformanceReport, runConformance } from './run-conformance';

const OAS_DIR = process.env['ZOHO_OAS_DIR'];

describe.skipIf(OAS_DIR === undefined || OAS_DIR === '')('the emulator against Zoho’s OpenAPI files in ZOHO_OAS_DIR', () => {
  it('answers every call the product makes as the files say, but for the files’ known defects', async () => {
    const results = await runConformance(OAS_DIR ?? '');
    const failures = results.filter((result) => result.verdict === 'fail');
    expect(failures, conformanceReport(results)).toEqual([]);
  }, 60_000);
});

/** A tiny OAS 3.1 area of our own making, shaped like Zoho's locking file, to test the check itself. */
const LOCKS_YAML = (infoAllowed: boolean) => `openapi: 3.1.0
paths:
  /{moduleName}/{recordId}/Locking_Information__s:
    get:
      responses:
        '200':
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Locks'
        '204':
          description: not locked
components:
  schemas:
    Locks:
      type: object
      additionalProperties: false
      required: [data]
      properties:
        data:
          type: array
          items:
            type: object
            required: [id, Locked_Reason__s]
            properties:
              id: { type: string }
              Locked_Reason__s: { type: [string, 'null'], maxLength: 3000 }
${infoAllowed ? '        info: { type: object }' : ''}
`;

const AREA = { yaml: 'locking_informations/locking_informations.yaml', json: 'record_locking.json' };
const lockCase = (id: string, deal: string, status: number): ConformanceCase => ({
  id,
  area: AREA,
  method: 'GET',
  path: `/Deals/${deal}/Locking_Information__s?fields=Locked_Reason__s`,
  status,
});

describe('the conformance check', () => {
  let dir = '';
  const copyWith = (yaml: string): string => {
    dir = mkdtempSync(join(tmpdir(), 'oas-'));
    mkdirSync(join(dir, 'v8.0', 'locking_informations'), { recursive: true });
    writeFileSync(join(dir, 'v8.0', AREA.yaml), yaml);
    return dir;
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes answers that fit the 3.1 file, a 204 included, and ends with N/M answers conform', async () => {
    const results = await runConformance(copyWith(LOCKS_YAML(true)), [lockCase('locked', SEED.deals.hooliPricing, 200), lockCase('unlocked', SEED.deals.acmeRenewal, 204)]);
    expect(results.map((r) => [r.id, r.verdict])).toEqual([['locked', 'pass'], ['unlocked', 'pass']]);
    expect(conformanceReport(results).split('\n').at(-1)).toBe('2/2 answers conform');
  });

  it('fails an answer with a key the file forbids, naming it', async () => {
    const [result] = await runConformance(copyWith(LOCKS_YAML(false)), [lockCase('locked', SEED.deals.hooliPricing, 200)]);
    expect(result).toMatchObject({ verdict: 'fail', problems: ['/ must NOT have additional properties (info)'] });
  });

  it('fails a status the file does not document, and a case whose answer is not the status it is about', async () => {
    const results = await runConformance(copyWith(LOCKS_YAML(true)), [
      { ...lockCase('refused', SEED.deals.hooliPricing, 401), path: `/Deals/${SEED.deals.hooliPricing}/Locking_Information__s` },
    ]);
    expect(results[0]?.verdict).toBe('fail');
    expect(results[0]?.problems.join('\n')).toMatch(/documents no 400 answer/);
  });

  it('matches a concrete path to the file’s most literal template, with or without the /crm/v8 prefix', () => {
    const paths = ['/crm/v8/{module}/{id}', '/crm/v8/{module}/search', '/{moduleName}/{recordId}/Notes'];
    expect(matchPath(paths, '/Deals/search?criteria=x')).toBe('/crm/v8/{module}/search');
    expect(matchPath(paths, '/Deals/42')).toBe('/crm/v8/{module}/{id}');
    expect(matchPath(paths, '/Deals/42/Notes')).toBe('/{moduleName}/{recordId}/Notes');
    expect(matchPath(paths, '/Deals/42/Tasks')).toBeNull();
  });
});
