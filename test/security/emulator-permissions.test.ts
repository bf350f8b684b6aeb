import { describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';

const BASE = 'https://www.zohoapis.com/crm/v8';
const { deals, locks } = SEED;
const configurations = `/settings/record_locking_configurations`;

const send = async (emulator: Emulator, token: string, method: string, path: string, body?: unknown) => {
  const headers = new Headers({ Authorization: `Zoho-oauthtoken ${token}` });
  if (body !== undefined) headers.set('content-type', 'application/json');
  const response = await emulator.handle(
    new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) }),
  );
  const text = await response.text();
  return { status: response.status, json: (text === '' ? null : JSON.parse(text)) as Record<string, unknown> | null };
};

const reason = { data: [{ Locked_Reason__s: 'Hold for audit' }] };
const lockCalls = [
  ['POST a lock', 'POST', `/Deals/${deals.acmeRenewal}/Locking_Information__s`, reason],
  ['PUT a new reason', 'PUT', `/Deals/${deals.hooliPricing}/Locking_Information__s/${locks.hooliPricing}`, reason],
  ['DELETE the lock', 'DELETE', `/Deals/${deals.hooliPricing}/Locking_Information__s/${locks.hooliPricing}`, undefined],
] as const;

const configurationCalls = [
  ['read it', 'GET', `${configurations}?module=Deals`, undefined],
  ['create one', 'POST', `${configurations}?module=Contacts`, { record_locking_configurations: [{ lock_type: 'manual' }] }],
  [
    'switch it to manual',
    'PUT',
    `${configurations}?module=Deals`,
    { record_locking_configurations: [{ id: SEED.configurations.deals, lock_type: 'manual' }] },
  ],
  [
    'exempt their own profile',
    'PUT',
    `${configurations}/${SEED.configurations.deals}?module=Deals`,
    {
      record_locking_configurations: [
        { locked_for: 'all_profiles_except_excluded_profiles', lock_excluded_profiles: [{ id: SEED.profiles.salesRep }] },
      ],
    },
  ],
  ['delete it', 'DELETE', `${configurations}?module=Deals&ids=${SEED.configurations.deals}`, undefined],
] as const;

describe('the emulator permission rules', () => {
  it.each(lockCalls)("refuses the intern's own token to %s with 403 NO_PERMISSION, changing nothing", async (_, method, path, body) => {
    const emulator = createEmulator();
    const before = emulator.snapshot();
    const answer = await send(emulator, '1000.demo.intern', method, path, body);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'NO_PERMISSION', status: 'error' });
    expect(emulator.snapshot()).toEqual(before);
  });

  it.each(['1000.demo.rep', '1000.demo.manager', '1000.demo.intern'].flatMap((token) => configurationCalls.map((c) => [token, ...c] as const)))(
    'refuses %s to %s of the locking configuration: 403 NO_PERMISSION naming Customize Zoho CRM',
    async (token, _, method, path, body) => {
      const emulator = createEmulator();
      const before = emulator.snapshot();
      const answer = await send(emulator, token, method, path, body);
      expect(answer.status).toBe(403);
      expect(answer.json).toMatchObject({
        code: 'NO_PERMISSION',
        details: { permissions: ['Crm_Implied_Customize_Zoho_CRM'] },
      });
      expect(emulator.snapshot()).toEqual(before);
    },
  );

  it('keeps a locked deal closed to the rep, even through the bulk update', async () => {
    const emulator = createEmulator();
    const answer = await send(emulator, '1000.demo.rep', 'PUT', '/Deals', {
      data: [
        { id: deals.hooliPricing, Amount: 1 },
        { id: deals.acmeRenewal, Amount: 2 },
      ],
    });
    expect(answer.status).toBe(207);
    expect(answer.json?.['data']).toEqual([
      expect.objectContaining({ code: 'RECORD_LOCKED', details: { action: 'record_locking', id: deals.hooliPricing } }),
      expect.objectContaining({ code: 'SUCCESS' }),
    ]);
  });

  it('does not let anyone remove an automatic lock by hand, administrators included', async () => {
    const emulator = createEmulator();
    const answer = await send(emulator, '1000.demo.admin', 'DELETE', `/Deals/${deals.initechClosedWon}/Locking_Information__s/${locks.initechClosedWon}`);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await send(emulator, '1000.demo.admin', 'GET', `/Deals/${deals.initechClosedWon}/Locking_Information__s?fields=id`)).status).toBe(200);
  });
});
