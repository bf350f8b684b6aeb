import { describe, expect, it } from 'vitest';
import { createEmulator, SEED } from '../../server/emulator';
import { VARIANTS } from '../../server/emulator/variants';
import { call } from './call';
import { zohoError } from './refusals';
import { VARIANT_MODES } from './variant-modes';

const NOW = new Date('2026-02-01T15:00:00Z');
const { deals } = SEED;
const lockOf = (recordId: string) => `/Deals/${recordId}/Locking_Information__s`;
const LOCK_BODY = { data: [{ Locked_Reason__s: 'Waiting for the signed contract' }] };

describe.each(VARIANT_MODES)('variants switched on by %s', (_mode, on) => {
  it('minimal-lock-answer: a lock’s POST answers SUCCESS with details holding only the id', async () => {
    const org = on(['minimal-lock-answer'], { now: () => NOW });
    const answer = await org.ask('POST', lockOf(deals.acmeRenewal), { body: LOCK_BODY });
    expect(answer.status).toBe(201);
    const { id } = answer.json.data[0].details;
    expect(answer.json).toEqual({ data: [{ code: 'SUCCESS', details: { id }, message: 'record added', status: 'success' }] });
    const read = await org.ask('GET', `${lockOf(deals.acmeRenewal)}?fields=Locked_Reason__s`);
    expect(read.json.data[0]).toMatchObject({ id, Locked_Reason__s: 'Waiting for the signed contract' });
  });

  it.each([['credits'], ['concurrency']])(
    'rate-limit-exceeded: a 429 for %s answers RATE_LIMIT_EXCEEDED with empty details',
    async (limit) => {
      const org = on(['rate-limit-exceeded'], { now: () => NOW });
      const answer = await org.ask('GET', `/Deals/${deals.acmeRenewal}`, { headers: { 'X-Emulator-Fault': limit } });
      expect({ status: answer.status, json: answer.json }).toEqual({
        status: 429,
        json: zohoError('RATE_LIMIT_EXCEEDED', 'Too many requests. Please try again later.'),
      });
    },
  );

  it('rate-limit-exceeded: the org’s credits spent answer RATE_LIMIT_EXCEEDED too', async () => {
    const org = on(['rate-limit-exceeded'], { now: () => NOW });
    org.emulator.setRemainingCredits(0);
    const answer = await org.ask('GET', `/Deals/${deals.acmeRenewal}`);
    expect(answer.status).toBe(429);
    expect(answer.json.code).toBe('RATE_LIMIT_EXCEEDED');
  });

  it.each([
    ['GET', `${lockOf(deals.hooliPricing)}?fields=id`, 'READ', 200],
    ['POST', lockOf(deals.acmeRenewal), 'CREATE', 201],
    ['PUT', `${lockOf(deals.hooliPricing)}/${SEED.locks.hooliPricing}`, 'UPDATE', 200],
    ['DELETE', `${lockOf(deals.hooliPricing)}/${SEED.locks.hooliPricing}`, 'DELETE', 200],
  ])('oas-lock-scopes: %s needs ZohoCRM.settings.modules.%s beside the module scope', async (method, path, operation, status) => {
    const org = on(['oas-lock-scopes'], { now: () => NOW });
    const token = (scopes: string[]) => org.emulator.issueToken('rep@example.com', scopes);
    const moduleScope = `ZohoCRM.modules.deals.${operation}`;
    const body = method === 'POST' || method === 'PUT' ? LOCK_BODY : undefined;
    const docsReading = await org.ask(method, path, { token: token([`ZohoCRM.modules.lockinginformation.${operation}`, moduleScope]), body });
    expect({ status: docsReading.status, code: docsReading.json?.code }).toEqual({ status: 401, code: 'OAUTH_SCOPE_MISMATCH' });
    const withoutModule = await org.ask(method, path, { token: token([`ZohoCRM.settings.modules.${operation}`]), body });
    expect(withoutModule.status).toBe(401);
    const oasReading = await org.ask(method, path, { token: token([`ZohoCRM.settings.modules.${operation}`, moduleScope]), body });
    expect(oasReading.status).toBe(status);
  });
});

describe('the docs pages’ reading, with no variant', () => {
  it('answers a lock’s POST with the created and modified times and users', async () => {
    const emulator = createEmulator({ now: () => NOW });
    const answer = await call(emulator, 'POST', lockOf(deals.acmeRenewal), { body: LOCK_BODY });
    expect(Object.keys(answer.json.data[0].details).sort()).toEqual(['Created_By', 'Created_Time', 'Modified_By', 'Modified_Time', 'id']);
  });

  it('answers a 429 TOO_MANY_REQUESTS', async () => {
    const emulator = createEmulator({ now: () => NOW });
    const answer = await call(emulator, 'GET', `/Deals/${deals.acmeRenewal}`, { headers: { 'X-Emulator-Fault': 'concurrency' } });
    expect(answer.json.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('the X-Emulator-Variant header', () => {
  it('refuses a name that is no variant with 400 INVALID_EMULATOR_VARIANT listing the variants, spending nothing', async () => {
    const emulator = createEmulator({ now: () => NOW });
    const before = emulator.credits().remaining;
    const answer = await call(emulator, 'GET', `/Deals/${deals.acmeRenewal}`, { headers: { 'X-Emulator-Variant': 'notes-unsorted, no-such-variant' } });
    expect({ status: answer.status, json: answer.json }).toEqual({
      status: 400,
      json: zohoError('INVALID_EMULATOR_VARIANT', 'X-Emulator-Variant names a variant this emulator does not have', {
        variants: ['no-such-variant'],
        supported_values: [...VARIANTS],
      }),
    });
    expect(emulator.credits().remaining).toBe(before);
  });

  it('adds its comma-separated variants to the emulator’s own, for that call only', async () => {
    const emulator = createEmulator({ now: () => NOW, variants: ['rate-limit-exceeded'] });
    const both = await call(emulator, 'POST', lockOf(deals.acmeRenewal), {
      body: LOCK_BODY,
      headers: { 'X-Emulator-Variant': 'notes-unsorted , minimal-lock-answer' },
    });
    expect(Object.keys(both.json.data[0].details)).toEqual(['id']);
    const limited = await call(emulator, 'GET', `/Deals/${deals.acmeRenewal}`, { headers: { 'X-Emulator-Fault': 'credits' } });
    expect(limited.json.code).toBe('RATE_LIMIT_EXCEEDED');
    const next = await call(emulator, 'POST', lockOf(deals.globexExpansion), { body: LOCK_BODY });
    expect(Object.keys(next.json.data[0].details)).toContain('Created_Time');
  });
});

describe('setOptions', () => {
  it('switches the emulator’s variants, and back to its own when not given', async () => {
    const emulator = createEmulator({ now: () => NOW, variants: ['minimal-lock-answer'] });
    emulator.setOptions({ variants: [] });
    const full = await call(emulator, 'POST', lockOf(deals.acmeRenewal), { body: LOCK_BODY });
    expect(Object.keys(full.json.data[0].details)).toContain('Created_Time');
    emulator.setOptions({});
    const minimal = await call(emulator, 'POST', lockOf(deals.globexExpansion), { body: LOCK_BODY });
    expect(Object.keys(minimal.json.data[0].details)).toEqual(['id']);
  });
});
