import { describe, expect, it } from 'vitest';
import { createEmulator, SEED, type EmulatorOptions } from '../../server/emulator';
import { call } from './call';

const HOUR = 60 * 60 * 1000;
const lockPath = `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`;
const currentUser = '/users?type=CurrentUser';

/** An emulator whose clock the test moves. */
const withClock = (options: EmulatorOptions = {}) => {
  let time = Date.parse('2026-02-01T09:00:00Z');
  const emulator = createEmulator({ ...options, now: () => new Date(time) });
  return { emulator, advance: (ms: number) => (time += ms) };
};

const spend = async (emulator: ReturnType<typeof createEmulator>, calls: number) => {
  for (let i = 0; i < calls; i += 1) expect((await call(emulator, 'GET', currentUser)).status).toBe(200);
};

describe('the org’s API credits', () => {
  it('answers 429 TOO_MANY_REQUESTS in Zoho’s envelope on the call after the allowance is spent', async () => {
    const { emulator } = withClock({ limits: { credits: 3 } });
    await spend(emulator, 3);
    const refused = await call(emulator, 'GET', currentUser);
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({
      code: 'TOO_MANY_REQUESTS',
      details: { retry_after: 24 * 60 * 60 },
      message: 'Rate limit exceeded. Please retry after the specified time.',
      status: 'error',
    });
  });

  it('gives each call’s credits back 24 hours after that call, and says how long until the next one in retry_after', async () => {
    const { emulator, advance } = withClock({ limits: { credits: 2 } });
    await spend(emulator, 1);
    advance(HOUR);
    await spend(emulator, 1);
    advance(22 * HOUR);
    expect((await call(emulator, 'GET', currentUser)).json.details).toEqual({ retry_after: 60 * 60 });
    advance(HOUR - 1000);
    expect((await call(emulator, 'GET', currentUser)).json.details).toEqual({ retry_after: 1 });
    advance(1000);
    expect((await call(emulator, 'GET', currentUser)).status).toBe(200);
    expect((await call(emulator, 'GET', currentUser)).status).toBe(429);
    expect(emulator.credits()).toEqual({ allowance: 2, remaining: 0 });
  });

  it('defaults to the Standard edition’s allowance for the demo org: 50,000 + 250 per user licence', () => {
    expect(createEmulator().credits()).toEqual({ allowance: 51_000, remaining: 51_000 });
  });

  it('sends X-API-CREDITS-REMAINING once half the allowance is used, and not before', async () => {
    const { emulator } = withClock({ limits: { credits: 4 } });
    const headerOf = async () => {
      const response = await emulator.handle(
        new Request(`https://www.zohoapis.com/crm/v8${currentUser}`, { headers: { Authorization: 'Zoho-oauthtoken 1000.demo.rep' } }),
      );
      return response.headers.get('X-API-CREDITS-REMAINING');
    };
    expect(await headerOf()).toBeNull();
    expect(await headerOf()).toBe('2');
    expect(await headerOf()).toBe('1');
    expect(await headerOf()).toBe('0');
  });

  it('charges a refused call nothing: 401 and 429 leave the credits as they were', async () => {
    const { emulator } = withClock({ limits: { credits: 2 } });
    expect((await call(emulator, 'GET', currentUser, { token: '1000.nobody' })).status).toBe(401);
    const narrow = emulator.issueToken('rep@example.com', ['ZohoCRM.users.READ']);
    expect((await call(emulator, 'GET', lockPath, { token: narrow })).status).toBe(401);
    expect((await call(emulator, 'GET', currentUser, { headers: { 'X-Emulator-Fault': 'credits' } })).status).toBe(429);
    expect((await call(emulator, 'GET', currentUser, { headers: { 'X-Emulator-Fault': 'concurrency' } })).status).toBe(429);
    expect(emulator.credits().remaining).toBe(2);
  });

  it('charges other 4xx answers like any call, and 500s and calls dropped before they apply not at all', async () => {
    const { emulator } = withClock({ limits: { credits: 5 } });
    expect((await call(emulator, 'GET', '/Nonsense__x/1')).status).toBe(400);
    expect((await call(emulator, 'GET', currentUser, { headers: { 'X-Emulator-Fault': 'error' } })).status).toBe(500);
    await expect(call(emulator, 'GET', currentUser, { headers: { 'X-Emulator-Fault': 'drop' } })).rejects.toThrow('fetch failed');
    await expect(call(emulator, 'GET', currentUser, { headers: { 'X-Emulator-Fault': 'drop-after' } })).rejects.toThrow('fetch failed');
    expect(emulator.credits().remaining).toBe(3);
  });

  it('applies nothing from a call it refuses', async () => {
    const { emulator } = withClock({ limits: { credits: 0 } });
    const refused = await call(emulator, 'POST', lockPath, { body: { data: [{ Locked_Reason__s: 'Contract sent' }] } });
    expect(refused.status).toBe(429);
    emulator.setOptions({ limits: { credits: 10 } });
    expect((await call(emulator, 'GET', `${lockPath}?fields=id`)).status).toBe(204);
  });

  it.each([
    ['a COQL query of up to 200 rows', 'POST', '/coql', { select_query: 'select id from Deals where Locked__s = true limit 200' }, 1],
    ['a COQL query of 201 to 1000 rows', 'POST', '/coql', { select_query: 'select id from Deals where Locked__s = true limit 0, 500' }, 2],
    ['a COQL query of over 1000 rows', 'POST', '/coql', { select_query: 'select id from Deals where Locked__s = true limit 2000' }, 3],
    ['an insert of 11 records', 'POST', '/Tasks', { data: Array.from({ length: 11 }, () => ({ Subject: 'Call' })) }, 2],
    ['an update of 150 records (at most 10 credits)', 'PUT', '/Deals', { data: Array.from({ length: 150 }, () => ({})) }, 10],
    ['a lock', 'POST', lockPath, { data: [{ Locked_Reason__s: 'Contract sent' }] }, 1],
  ])('charges %s %i credit(s) whatever the route answers', async (_name, method, path, body, credits) => {
    const { emulator } = withClock({ limits: { credits: 20 } });
    await call(emulator, method, path, { body, token: '1000.demo.admin' });
    expect(emulator.credits().remaining).toBe(20 - credits);
  });

  it('refuses a call that costs more than the credits left, even when some are left', async () => {
    const { emulator } = withClock({ limits: { credits: 2 } });
    await spend(emulator, 1);
    const query = { select_query: 'select id from Deals where Locked__s = true limit 500' };
    expect((await call(emulator, 'POST', '/coql', { body: query, token: '1000.demo.admin' })).status).toBe(429);
    expect(emulator.credits().remaining).toBe(1);
  });

  it('leaves exactly the credits set by setRemainingCredits, and gives them all back on reset', async () => {
    const { emulator } = withClock();
    emulator.setRemainingCredits(0);
    expect((await call(emulator, 'GET', currentUser)).status).toBe(429);
    emulator.setRemainingCredits(1);
    expect((await call(emulator, 'GET', currentUser)).status).toBe(200);
    expect((await call(emulator, 'GET', currentUser)).status).toBe(429);
    emulator.reset();
    expect(emulator.credits()).toEqual({ allowance: 51_000, remaining: 51_000 });
  });
});

describe('calls in flight at once per user', () => {
  const delayed = (emulator: ReturnType<typeof createEmulator>, token = '1000.demo.rep') =>
    call(emulator, 'GET', currentUser, { token, headers: { 'X-Emulator-Fault': 'delay=30' } });

  it('answers 429 TOO_MANY_REQUESTS at once, without retry_after, to the call past the limit', async () => {
    const emulator = createEmulator({ limits: { concurrency: 2 } });
    const answers = await Promise.all([delayed(emulator), delayed(emulator), delayed(emulator)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers[2]?.json).toEqual({
      code: 'TOO_MANY_REQUESTS',
      details: {},
      message: 'Too many requests. Please try again later.',
      status: 'error',
    });
    expect((await delayed(emulator)).status).toBe(200);
  });

  it('counts each user’s calls apart', async () => {
    const emulator = createEmulator({ limits: { concurrency: 1 } });
    const answers = await Promise.all([delayed(emulator), delayed(emulator, '1000.demo.admin'), delayed(emulator)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
  });

  it('counts the configured latency as in flight', async () => {
    const emulator = createEmulator({ limits: { concurrency: 1 }, latencyMs: 30 });
    const answers = await Promise.all([call(emulator, 'GET', currentUser), call(emulator, 'GET', currentUser)]);
    expect(answers.map((a) => a.status)).toEqual([200, 429]);
  });
});

describe('the API-limit switches of X-Emulator-Fault', () => {
  it.each([
    ['credits', { retry_after: 24 * 60 * 60 }],
    ['concurrency', {}],
  ])('answers %s with 429 for that call only', async (fault, details) => {
    const { emulator } = withClock();
    const refused = await call(emulator, 'GET', currentUser, { headers: { 'X-Emulator-Fault': fault } });
    expect(refused).toMatchObject({ status: 429, json: { code: 'TOO_MANY_REQUESTS', details } });
    expect((await call(emulator, 'GET', currentUser)).status).toBe(200);
  });

  it('puts the time until the oldest spent credit returns in a forced credits answer', async () => {
    const { emulator, advance } = withClock();
    await spend(emulator, 1);
    advance(20 * HOUR);
    const refused = await call(emulator, 'GET', currentUser, { headers: { 'X-Emulator-Fault': 'credits' } });
    expect(refused.json.details).toEqual({ retry_after: 4 * 60 * 60 });
  });

  it('still answers 401 to a call without a valid token', async () => {
    const emulator = createEmulator();
    const answer = await call(emulator, 'GET', currentUser, { token: null, headers: { 'X-Emulator-Fault': 'credits' } });
    expect(answer.status).toBe(401);
  });
});
