import { describe, expect, it } from 'vitest';
import { createEmulator, SEED } from '../../server/emulator';

const BASE = 'https://www.zohoapis.com/crm/v8';
const lockPath = `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`;

const hostile: [string, string, string, Record<string, string>, string | null][] = [
  ['a body over 1 MB', 'POST', lockPath, {}, JSON.stringify({ data: [{ Locked_Reason__s: 'x'.repeat(1_100_000) }] })],
  ['a body that is not JSON', 'POST', lockPath, {}, '{"data":[{"Locked_Reason__s":'],
  ['a form body', 'POST', lockPath, { 'content-type': 'application/x-www-form-urlencoded' }, 'Locked_Reason__s=hi'],
  ['a reason that is an object', 'POST', lockPath, {}, JSON.stringify({ data: [{ Locked_Reason__s: { toString: 'x' } }] })],
  ['two items in one lock body', 'POST', lockPath, {}, JSON.stringify({ data: [{ Locked_Reason__s: 'a' }, { Locked_Reason__s: 'b' }] })],
  ['an encoded slash in the record id', 'GET', `/Deals/${SEED.deals.acmeRenewal}%2F..%2F..%2Fusers/Locking_Information__s?fields=id`, {}, null],
  ['a malformed percent escape', 'GET', '/Deals/%E0%A4%A/Locking_Information__s?fields=id', {}, null],
  ['a module name that is not one', 'GET', '/constructor/1/Locking_Information__s?fields=id', {}, null],
  ['a lock id that is not a number', 'DELETE', `/Deals/${SEED.deals.hooliPricing}/Locking_Information__s/1%20OR%201=1`, {}, null],
  ['a record id past 2^53', 'POST', '/Deals/99999999999999999999999/Locking_Information__s', {}, JSON.stringify({ data: [{ Locked_Reason__s: 'a' }] })],
];

describe('the emulator under hostile input', () => {
  it.each(hostile)('answers %s with a Zoho 4xx envelope and changes nothing', async (_, method, path, extra, body) => {
    const emulator = createEmulator();
    const before = emulator.snapshot();
    const headers = new Headers({ Authorization: 'Zoho-oauthtoken 1000.demo.rep', 'content-type': 'application/json', ...extra });
    const response = await emulator.handle(new Request(`${BASE}${path}`, { method, headers, body }));
    const json = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const item = Array.isArray(json['data']) ? (json['data'][0] as Record<string, unknown>) : json;
    expect(item).toMatchObject({ code: expect.any(String), message: expect.any(String), status: 'error' });
    expect(emulator.snapshot()).toEqual(before);
  });

  it('takes a body with __proto__ keys as plain data: the lock carries the reason, no object is polluted', async () => {
    const emulator = createEmulator();
    const headers = { Authorization: 'Zoho-oauthtoken 1000.demo.rep', 'content-type': 'application/json' };
    const body = '{"__proto__":{"polluted":true},"data":[{"Locked_Reason__s":"Audit","__proto__":{"polluted":true}}]}';
    const response = await emulator.handle(new Request(`${BASE}${lockPath}`, { method: 'POST', headers, body }));
    expect(response.status).toBe(201);
    const read = await emulator.handle(new Request(`${BASE}${lockPath}?fields=Locked_Reason__s`, { headers }));
    expect(await read.json()).toMatchObject({ data: [{ Locked_Reason__s: 'Audit' }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
