/**
 * Zoho's API limits under random traffic: calls of different prices, bursts of calls in flight
 * at once, the per-request limit switches, and the clock moving by hours. After every step the
 * answers and the credits left agree with the reference, a refused call changed nothing, and
 * credits are never negative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { propertyRuns, reportGenerated, soakTimeout } from '../support/soak';
import { referenceCredits, type ReferenceCredits } from './reference-credits';
import { checkedCode, readAnswer, type ZohoAnswer } from './zoho-envelope';

const BASE = 'https://www.zohoapis.com/crm/v8';
const ALLOWANCE = 12;
const CONCURRENCY = 3;
const HOUR = 60 * 60 * 1000;

type Priced = 'readUser' | 'readLock' | 'lock' | 'coql500' | 'insert25';
type Switch = 'none' | 'credits' | 'concurrency';

type LimitCommand =
  | { kind: 'call'; request: Priced; token: 'rep' | 'admin' | 'unknown'; fault: Switch }
  | { kind: 'burst'; calls: number }
  | { kind: 'advance'; hours: number };

const PRICE: Record<Priced, number> = { readUser: 1, readLock: 1, lock: 1, coql500: 2, insert25: 3 };
const TOKENS = { rep: '1000.demo.rep', admin: '1000.demo.admin', unknown: '1000.nobody' } as const;

const requestOf = (name: Priced): { method: string; path: string; body?: unknown } => {
  const lockPath = `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`;
  switch (name) {
    case 'readUser':
      return { method: 'GET', path: '/users?type=CurrentUser' };
    case 'readLock':
      return { method: 'GET', path: `${lockPath}?fields=id` };
    case 'lock':
      return { method: 'POST', path: lockPath, body: { data: [{ Locked_Reason__s: 'Waiting for the contract' }] } };
    case 'coql500':
      return { method: 'POST', path: '/coql', body: { select_query: 'select id from Deals where Locked__s = true limit 500' } };
    case 'insert25':
      return { method: 'POST', path: '/Tasks', body: { data: Array.from({ length: 25 }, (_, i) => ({ Subject: `Call ${i}` })) } };
  }
};

const send = async (emulator: Emulator, name: Priced, token: string, fault: string | null): Promise<ZohoAnswer> => {
  const { method, path, body } = requestOf(name);
  const headers = new Headers({ Authorization: `Zoho-oauthtoken ${token}` });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (fault !== null) headers.set('X-Emulator-Fault', fault);
  const request = new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  return readAnswer(await emulator.handle(request));
};

const commandArbitrary: fc.Arbitrary<LimitCommand> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('call' as const),
      request: fc.constantFrom<Priced>('readUser', 'readUser', 'readLock', 'lock', 'coql500', 'insert25'),
      token: fc.constantFrom<'rep' | 'admin' | 'unknown'>('rep', 'rep', 'admin', 'unknown'),
      fault: fc.oneof({ weight: 8, arbitrary: fc.constant<Switch>('none') }, { weight: 1, arbitrary: fc.constantFrom<Switch>('credits', 'concurrency') }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('burst' as const), calls: fc.integer({ min: 2, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 25 }) }) },
);

const counts = { sequences: 0, commands: 0, calls: 0, creditRefusals: 0, concurrencyRefusals: 0, fullyBack: 0 };

const limitRefusal = (answer: ZohoAnswer): 'credits' | 'concurrency' | null => {
  if (answer.status !== 429) return null;
  expect(checkedCode(answer)).toBe('TOO_MANY_REQUESTS');
  const details = (answer.body as { details: Record<string, unknown> }).details;
  return 'retry_after' in details ? 'credits' : 'concurrency';
};

const runSequence = async (commands: readonly LimitCommand[]): Promise<void> => {
  let time = Date.parse('2026-02-01T09:00:00Z');
  const emulator = createEmulator({ now: () => new Date(time), limits: { credits: ALLOWANCE, concurrency: CONCURRENCY } });
  const reference: ReferenceCredits = referenceCredits(ALLOWANCE);
  counts.sequences += 1;

  const settle = (answer: ZohoAnswer, price: number) => {
    checkedCode(answer);
    if (answer.status !== 401 && answer.status !== 429 && answer.status < 500) reference.spend(time, price);
  };

  for (const command of commands) {
    counts.commands += 1;
    const before = emulator.snapshot();
    if (command.kind === 'advance') {
      time += command.hours * HOUR;
      if (command.hours >= 24) {
        expect(emulator.credits().remaining, 'credits not all back 24 hours after the last call').toBe(ALLOWANCE);
        counts.fullyBack += 1;
      }
    } else if (command.kind === 'call') {
      counts.calls += 1;
      const price = PRICE[command.request];
      const answer = await send(emulator, command.request, TOKENS[command.token], command.fault === 'none' ? null : command.fault);
      if (command.token === 'unknown') {
        expect(answer.status).toBe(401);
      } else if (command.fault !== 'none') {
        expect(limitRefusal(answer)).toBe(command.fault);
      } else if (reference.remaining(time) < price) {
        expect(limitRefusal(answer)).toBe('credits');
        expect((answer.body as { details: unknown }).details).toEqual({ retry_after: reference.retryAfter(time, price) });
      } else {
        expect(answer.status, answer.text).not.toBe(429);
      }
      if (answer.status === 429) {
        counts[limitRefusal(answer) === 'credits' ? 'creditRefusals' : 'concurrencyRefusals'] += 1;
        expect(emulator.snapshot(), 'a refused call changed the org').toEqual(before);
      }
      settle(answer, price);
    } else {
      // All start before any ends: each holds its place for a millisecond of injected latency.
      const answers = await Promise.all(Array.from({ length: command.calls }, () => send(emulator, 'readUser', TOKENS.rep, 'delay=1')));
      counts.calls += command.calls;
      let admitted = 0;
      for (const answer of answers) {
        const expected = admitted >= CONCURRENCY ? 'concurrency' : reference.remaining(time) < 1 ? 'credits' : null;
        expect(limitRefusal(answer)).toBe(expected);
        if (expected === null) admitted += 1;
        else counts[expected === 'credits' ? 'creditRefusals' : 'concurrencyRefusals'] += 1;
        settle(answer, 1);
      }
    }
    const left = emulator.credits().remaining;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left).toBe(reference.remaining(time));
  }
};

describe('the emulator’s API limits under random traffic', () => {
  it('answers 429 exactly when the reference says, in Zoho’s envelope, and a refused call changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 5, maxLength: 40 }), async (commands) => {
        await runSequence(commands);
      }),
      propertyRuns(40, 20260202),
    );
  }, soakTimeout(60_000));

  it('reports what was tried', () => {
    console.log(
      `Emulator API limits: ${counts.sequences} sequences, ${counts.commands} commands, ${counts.calls} calls; ` +
        `429 for credits ${counts.creditRefusals}, for concurrency ${counts.concurrencyRefusals}; ` +
        `all credits back after 24 hours ${counts.fullyBack} times`,
    );
    reportGenerated('emulator API limits', counts.commands);
    expect(counts.creditRefusals).toBeGreaterThan(0);
    expect(counts.concurrencyRefusals).toBeGreaterThan(0);
    expect(counts.fullyBack).toBeGreaterThan(0);
  });
});
