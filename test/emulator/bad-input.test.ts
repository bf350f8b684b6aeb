import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

const lockPath = `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

describe('bad request bodies', () => {
  it.each(['{"data": [', 'not json', '', '[1,2]', '"text"', 'null'])('answers INVALID_DATA "body" for %j', async (rawBody) => {
    const answer = await call(emulator, 'POST', lockPath, { rawBody, headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'INVALID_DATA',
      details: { expected_data_type: 'jsonobject' },
      message: 'body',
      status: 'error',
    });
  });

  it('answers INVALID_DATA for a body that is JSON but has no data array', async () => {
    const answer = await call(emulator, 'POST', lockPath, { body: { data: 'reason' } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'INVALID_DATA', status: 'error' });
  });

  it('answers INVALID_DATA for a form-encoded body', async () => {
    const answer = await call(emulator, 'POST', lockPath, {
      rawBody: 'Locked_Reason__s=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'INVALID_DATA', status: 'error' });
  });

  it('answers LIMIT_EXCEEDED for a body over 1 MB and stores nothing', async () => {
    const answer = await call(emulator, 'POST', lockPath, { body: { data: [{ Locked_Reason__s: 'x'.repeat(1024 * 1024) }] } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'LIMIT_EXCEEDED', status: 'error' });
    expect((await call(emulator, 'GET', `${lockPath}?fields=id`)).status).toBe(204);
  });
});

describe('bad URLs', () => {
  it.each(['/crm/v8/', '/crm/v8/settings', '/crm/v8/settings/unknown', '/crm/v6/Deals', '/api/v8/Deals', '/crm/v8/Deals/1/Calls', '/crm/v8/Deals/1/Locking_Information__s/2/3'])(
    'answers INVALID_URL_PATTERN 404 for %s',
    async (path) => {
      const answer = await call(emulator, 'GET', `https://www.zohoapis.com${path}`);
      expect(answer.status).toBe(404);
      expect(answer.json.code).toBe('INVALID_URL_PATTERN');
    },
  );

  it.each([
    ['/Deals/12ab', 'INVALID_DATA', { resource_path_index: 1 }],
    ['/Campaigns', 'INVALID_MODULE', { resource_path_index: 0 }],
  ])('GET %s answers %s', async (path, code, details) => {
    const answer = await call(emulator, 'GET', `${path}?fields=id`);
    expect(answer.json).toMatchObject({ code, details });
  });
});

describe('robustness', () => {
  const segment = fc.oneof(
    fc.constantFrom('Deals', 'Leads', 'Contacts', 'Campaigns', 'settings', 'users', 'Locking_Information__s', 'record_locking_configurations', 'profiles', 'fields'),
    fc.constantFrom(SEED.deals.hooliPricing, SEED.locks.hooliPricing, SEED.configurations.deals, '0', '-1', '%E0%A4%A'),
    fc.string({ maxLength: 8 }).map((s) => encodeURIComponent(s)),
  );
  const body = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 40 }),
    fc.json().map((j) => j),
    fc.record({ data: fc.array(fc.dictionary(fc.constantFrom('Locked_Reason__s', 'id', 'Stage', 'Amount'), fc.jsonValue()), { maxLength: 3 }) }).map((o) => JSON.stringify(o)),
    fc.record({ record_locking_configurations: fc.array(fc.dictionary(fc.constantFrom('lock_type', 'locked_for', 'locking_rules', 'excluded_fields', 'restricted_actions', 'lock_excluded_profiles', 'restricted_custom_buttons'), fc.jsonValue()), { maxLength: 2 }) }).map((o) => JSON.stringify(o)),
  );

  it('never answers INTERNAL_ERROR, always in Zoho\'s envelope, for arbitrary paths, methods and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.array(segment, { minLength: 0, maxLength: 5 }),
        fc.constantFrom('', '?fields=id,Locked_Reason__s', '?module=Deals', '?module=Contacts&ids=1,2', '?page=-3&per_page=0&fields=Stage'),
        body,
        fc.constantFrom('1000.demo.admin', '1000.demo.rep', '1000.demo.intern'),
        async (method, segments, query, rawBody, token) => {
          const fresh = createEmulator();
          const answer = await call(fresh, method, `/${segments.join('/')}${query}`, { token, rawBody, headers: { 'content-type': 'application/json' } });
          expect(answer.status).not.toBe(500);
          if (answer.status >= 400) {
            const item = answer.json.code !== undefined ? answer.json : Object.values(answer.json as Record<string, unknown[]>)[0]?.[0];
            expect(item).toMatchObject({ code: expect.any(String), details: expect.any(Object), status: 'error' });
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
