import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

describe('users', () => {
  it('answers the current user with profile, role, locale and time zone', async () => {
    const answer = await call(emulator, 'GET', '/users?type=CurrentUser', { token: '1000.demo.intern' });
    expect(answer.status).toBe(200);
    expect(answer.json.users).toEqual([
      {
        id: SEED.users.intern,
        full_name: 'Ivo Intern',
        first_name: 'Ivo',
        last_name: 'Intern',
        email: 'intern@example.com',
        profile: { id: SEED.profiles.intern, name: 'Intern' },
        role: { id: expect.any(String), name: 'Sales Representative' },
        locale: 'de_DE',
        country_locale: 'de_DE',
        time_zone: 'Europe/Berlin',
        date_format: 'dd.MM.yyyy',
        time_format: 'HH:mm',
        language: 'de',
        status: 'active',
        confirm: true,
        zuid: expect.any(String),
      },
    ]);
  });

  it('answers one user by id in the list\'s wrapper, info included, and lists all users', async () => {
    const one = await call(emulator, 'GET', `/users/${SEED.users.manager}`);
    expect(one.json.users[0]).toMatchObject({ email: 'manager@example.com', locale: 'en_GB', time_zone: 'Europe/London' });
    expect(one.json.info).toEqual({ per_page: 200, count: 1, page: 1, more_records: false });
    const all = await call(emulator, 'GET', '/users?type=AllUsers');
    expect(all.json.users).toHaveLength(5);
  });

  it('lists a deactivated user among all users but not among the active ones', async () => {
    const all = await call(emulator, 'GET', '/users?type=AllUsers');
    expect(all.json.users.find((u: { email: string }) => u.email === 'former@example.com')).toMatchObject({ status: 'inactive' });
    const active = await call(emulator, 'GET', '/users?type=ActiveUsers');
    expect(active.json.users.map((u: { email: string }) => u.email)).not.toContain('former@example.com');
    expect(active.json.users).toHaveLength(4);
  });
});

describe('profiles', () => {
  it('lists profiles without their permission details', async () => {
    const answer = await call(emulator, 'GET', '/settings/profiles', { token: '1000.demo.admin' });
    expect(answer.json.profiles.map((p: { name: string }) => p.name)).toEqual(['Administrator', 'Sales Manager', 'Sales Rep', 'Intern']);
    expect(answer.json.profiles[0].permissions_details).toBeUndefined();
  });

  it.each([
    [SEED.profiles.salesRep, true],
    [SEED.profiles.intern, false],
  ])('profile %s has Crm_Implied_Lock_Deals enabled: %s', async (profileId, enabled) => {
    const answer = await call(emulator, 'GET', `/settings/profiles/${profileId}`, { token: '1000.demo.admin' });
    const lock = answer.json.profiles[0].permissions_details.find((p: { name: string }) => p.name === 'Crm_Implied_Lock_Deals');
    expect(lock).toEqual({ id: expect.any(String), name: 'Crm_Implied_Lock_Deals', display_label: 'Lock', module: 'Deals', enabled });
  });
});

describe('field metadata', () => {
  it('describes Locked_Reason__s as a 3000-character textarea', async () => {
    const answer = await call(emulator, 'GET', '/settings/fields?module=Locking_Information__s', { token: '1000.demo.admin' });
    const reason = answer.json.fields.find((f: { api_name: string }) => f.api_name === 'Locked_Reason__s');
    expect(reason).toMatchObject({ data_type: 'textarea', length: 3000 });
    expect(answer.json.fields.map((f: { api_name: string }) => f.api_name)).toEqual(
      expect.arrayContaining(['Locked_For__s', 'Lock_Source__s', 'Locked_Time__s', 'Locked_By__s', 'Record_Locking_Rule_Id__s']),
    );
  });

  it('answers REQUIRED_PARAM_MISSING without module', async () => {
    const answer = await call(emulator, 'GET', '/settings/fields', { token: '1000.demo.admin' });
    expect(answer.json).toMatchObject({ code: 'REQUIRED_PARAM_MISSING', details: { param_name: 'module' } });
  });
});
