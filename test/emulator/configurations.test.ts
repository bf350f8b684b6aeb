import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';
import { byName, expectRefusal, itemError, zohoError, type Refusal } from './refusals';

const ADMIN = '1000.demo.admin';
const PATH = '/settings/record_locking_configurations';
const wrap = (item: Record<string, unknown>) => ({ record_locking_configurations: [item] });
const stageRule = (name: string, stage: string, lockExisting = false) => ({
  name,
  lock_existing_records: lockExisting,
  criteria: { comparator: 'equal', field: { api_name: 'Stage' }, value: stage },
});

const lastNameRule = (name: string, value: string) => ({
  name,
  criteria: { comparator: 'equal', field: { api_name: 'Last_Name' }, value },
});

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => new Date('2026-02-01T15:00:00Z') });
});

const firstItem = (answer: { json: any }) => answer.json.record_locking_configurations[0];
/** Where in the body a field-level error points: `api_name` and the JSON path of `key` (or of a deeper `path`). */
const at = (key: string, path = key) => ({ api_name: key, json_path: `$.record_locking_configurations[0].${path}` });
const configurationError = (code: string, message: string, details: Record<string, unknown>) =>
  itemError('record_locking_configurations', code, message, details);
const CUSTOMIZE_DENIED = zohoError('NO_PERMISSION', 'permission denied', { permissions: ['Crm_Implied_Customize_Zoho_CRM'] });

describe('GET record_locking_configurations', () => {
  it('answers the Deals configuration with every documented key', async () => {
    const answer = await call(emulator, 'GET', `${PATH}?module=Deals`, { token: ADMIN });
    expect(answer.status).toBe(200);
    const [configuration] = answer.json.record_locking_configurations;
    expect(configuration).toEqual({
      id: SEED.configurations.deals,
      lock_type: 'both',
      locked_for: 'all_profiles_except_excluded_profiles',
      lock_excluded_profiles: [{ name: 'Administrator', id: SEED.profiles.administrator }],
      excluded_fields: [
        { api_name: 'Description', id: expect.any(String) },
        { api_name: 'Next_Step', id: expect.any(String) },
      ],
      restricted_actions: ['update', 'delete', 'tags', 'change_owner'],
      restricted_communications: ['send_mail'],
      restricted_custom_buttons: [{ name: 'Send to legal', id: SEED.customButtons.sendToLegal }],
      lock_for_portal_users: true,
      locking_rules: [
        {
          id: SEED.rules.closedWonDeals,
          name: 'Closed Won deals',
          lock_existing_records: true,
          criteria: { comparator: 'equal', field: { api_name: 'Stage', id: expect.any(String) }, type: 'value', value: 'Closed Won' },
        },
      ],
      feature_type: 'record_locking',
      system_defined: false,
      created_time: expect.stringMatching(/[+-]\d\d:\d\d$/),
      modified_time: expect.any(String),
      created_by: { name: 'Amelia Admin', id: SEED.users.admin },
      modified_by: { name: 'Amelia Admin', id: SEED.users.admin },
    });
  });

  it('answers 204 for a module without configuration', async () => {
    const answer = await call(emulator, 'GET', `${PATH}?module=Contacts`, { token: ADMIN });
    expect(answer.status).toBe(204);
  });

  it('reads by id in the path', async () => {
    const answer = await call(emulator, 'GET', `${PATH}/${SEED.configurations.leads}?module=Leads`, { token: ADMIN });
    expect(answer.json.record_locking_configurations[0]).toMatchObject({ id: SEED.configurations.leads, lock_type: 'manual' });
  });

  const refusals: Refusal[] = [
    {
      name: 'refuses a user without Customize Zoho CRM with NO_PERMISSION 403',
      method: 'GET',
      path: `${PATH}?module=Deals`,
      options: { token: '1000.demo.manager' },
      status: 403,
      json: CUSTOMIZE_DENIED,
    },
    {
      name: 'answers REQUIRED_PARAM_MISSING without module',
      method: 'GET',
      path: PATH,
      options: { token: ADMIN },
      status: 400,
      json: zohoError('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param_name: 'module' }),
    },
    {
      name: 'answers INVALID_MODULE for an unknown module',
      method: 'GET',
      path: `${PATH}?module=Campaigns`,
      options: { token: ADMIN },
      status: 400,
      json: zohoError('INVALID_MODULE', 'the module name given seems to be invalid'),
    },
  ];

  it.each(byName(refusals))('%s', (_name, refusal) => expectRefusal(emulator, refusal));

});

describe('POST record_locking_configurations', () => {
  it('creates a configuration (201) that the lock endpoints then honour', async () => {
    const answer = await call(emulator, 'POST', `${PATH}?module=Contacts`, {
      token: ADMIN,
      body: wrap({ lock_type: 'manual', locked_for: 'all_profiles', restricted_actions: ['delete'] }),
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({
      record_locking_configurations: [
        {
          code: 'SUCCESS',
          details: { id: expect.stringMatching(/^\d+$/) },
          message: 'record locking configuration created successfully',
          status: 'success',
        },
      ],
    });
    const read = await call(emulator, 'GET', `${PATH}?module=Contacts`, { token: ADMIN });
    expect(read.json.record_locking_configurations[0].restricted_actions).toEqual(['update', 'delete']);
    const lock = await call(emulator, 'POST', `/Contacts/${SEED.contacts.aliceSmith}/Locking_Information__s`, {
      body: { data: [{ Locked_Reason__s: 'GDPR request' }] },
    });
    expect(lock.status).toBe(201);
  });

  it('accepts the singular all_profiles_except_excluded_profile and stores the plural', async () => {
    await call(emulator, 'POST', `${PATH}?module=Contacts`, {
      token: ADMIN,
      body: wrap({
        lock_type: 'manual',
        locked_for: 'all_profiles_except_excluded_profile',
        lock_excluded_profiles: [{ id: SEED.profiles.salesManager }],
      }),
    });
    const read = await call(emulator, 'GET', `${PATH}?module=Contacts`, { token: ADMIN });
    expect(read.json.record_locking_configurations[0]).toMatchObject({
      locked_for: 'all_profiles_except_excluded_profiles',
      lock_excluded_profiles: [{ name: 'Sales Manager', id: SEED.profiles.salesManager }],
    });
  });

  const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
  const create = (item: Record<string, unknown>, module = 'Contacts') => ({
    method: 'POST',
    path: `${PATH}?module=${module}`,
    options: { token: ADMIN, body: wrap(item) },
  });
  const refusals: Refusal[] = [
    {
      name: 'answers LIMIT_EXCEEDED when the module already has one',
      ...create({ lock_type: 'manual' }, 'Deals'),
      status: 400,
      json: zohoError('LIMIT_EXCEEDED', 'Configuration already created for this module', { param_name: 'module', limit: 1 }),
    },
    {
      name: 'answers MANDATORY_NOT_FOUND for a missing lock_type',
      ...create({}),
      status: 400,
      json: configurationError('MANDATORY_NOT_FOUND', 'required field not found', at('lock_type')),
    },
    ...(
      [
        ['lock_type', { lock_type: 'sometimes' }, 'lock_type not found', ['manual', 'automatic', 'both'], at('lock_type')],
        [
          'locked_for',
          { lock_type: 'manual', locked_for: 'nobody' },
          'locked_for not found',
          ['all_profiles', 'all_profiles_except_excluded_profiles'],
          at('locked_for'),
        ],
        [
          'restricted_actions',
          { lock_type: 'manual', restricted_actions: ['update', 'fly'] },
          'action not found',
          ['convert', 'update', 'delete', 'change_owner', 'tags'],
          at('restricted_actions', 'restricted_actions[1]'),
        ],
      ] as const
    ).map(([key, item, message, supported, where]) => ({
      name: `answers INVALID_DATA with supported_values for a bad ${key}`,
      ...create(item),
      status: 400,
      json: configurationError('INVALID_DATA', message, { supported_values: supported, ...where }),
    })),
    {
      name: 'answers DEPENDENT_FIELD_MISSING without locking_rules for automatic',
      ...create({ lock_type: 'automatic' }),
      status: 400,
      json: configurationError(
        'DEPENDENT_FIELD_MISSING',
        'locking_rules should have been given when lock_type is given as automatic or both',
        { dependee: at('lock_type'), ...at('locking_rules') },
      ),
    },
    {
      name: 'answers DEPENDENT_FIELD_MISSING without lock_excluded_profiles for except',
      ...create({ lock_type: 'manual', locked_for: 'all_profiles_except_excluded_profiles' }),
      status: 400,
      json: configurationError(
        'DEPENDENT_FIELD_MISSING',
        'lock_excluded_profiles should have been given when locked_for is given as all_profiles_except_excluded_profiles ',
        { dependee: at('locked_for'), ...at('lock_excluded_profiles') },
      ),
    },
    ...(
      [
        ['locking_rules', 5, 'locking rules', { lock_type: 'both', locking_rules: many(6, (i) => lastNameRule(`Rule ${i}`, `S${i}`)) }],
        [
          'lock_excluded_profiles',
          15,
          'excluded profiles',
          { lock_type: 'manual', lock_excluded_profiles: many(16, () => ({ id: SEED.profiles.intern })) },
        ],
        ['excluded_fields', 15, 'excluded fields', { lock_type: 'manual', excluded_fields: many(16, () => ({ api_name: 'Email' })) }],
        [
          'restricted_custom_buttons',
          30,
          'restricted custom buttons',
          { lock_type: 'manual', restricted_custom_buttons: many(31, () => ({ id: '1' })) },
        ],
      ] as const
    ).map(([key, limit, words, item]) => ({
      name: `answers LIMIT_EXCEEDED with details.limit for too many ${key}`,
      ...create(item),
      status: 400,
      json: configurationError('LIMIT_EXCEEDED', `Maximum limit for ${words} exceeded`, {
        limit,
        available_limit: limit,
        ...at(key),
      }),
    })),
    {
      name: 'answers DUPLICATE_DATA for two rules with one name',
      ...create({ lock_type: 'automatic', locking_rules: [lastNameRule('Same', 'A'), lastNameRule('Same', 'B')] }),
      status: 400,
      json: configurationError(
        'DUPLICATE_DATA',
        'Duplicate rule name found, Enter unique rulename.',
        at('locking_rules', 'locking_rules[1].name'),
      ),
    },
    {
      name: 'refuses Owner as an excluded field with NOT_SUPPORTED',
      ...create({ lock_type: 'manual', excluded_fields: [{ api_name: 'Email' }, { api_name: 'Owner' }] }),
      status: 400,
      json: configurationError('NOT_SUPPORTED', 'Field not supported', at('excluded_fields', 'excluded_fields[1].api_name')),
    },
  ];

  it.each(byName(refusals))('%s', (_name, refusal) => expectRefusal(emulator, refusal));
});

describe('PUT record_locking_configurations', () => {
  const update = (item: Record<string, unknown>, path = `${PATH}?module=Deals`) =>
    call(emulator, 'PUT', path, { token: ADMIN, body: wrap(item) });

  it('keeps rules given by id, adds rules without id, and removes _delete ones', async () => {
    const answer = await update({
      id: SEED.configurations.deals,
      locking_rules: [
        { id: SEED.rules.closedWonDeals, _delete: true },
        stageRule('Lost deals', 'Closed Lost'),
      ],
    });
    expect(answer.status).toBe(200);
    expect(firstItem(answer)).toEqual({
      code: 'SUCCESS',
      details: { id: SEED.configurations.deals },
      message: 'record locking configuration updated successfully',
      status: 'success',
    });
    const read = await call(emulator, 'GET', `${PATH}?module=Deals`, { token: ADMIN });
    expect(read.json.record_locking_configurations[0].locking_rules.map((r: { name: string }) => r.name)).toEqual([
      'Lost deals',
    ]);
    // The deleted rule's automatic locks are released.
    expect((await call(emulator, 'GET', `/Deals/${SEED.deals.initechClosedWon}/Locking_Information__s?fields=id`)).status).toBe(204);
  });

  it('locks existing matching records for a new rule with lock_existing_records', async () => {
    await update({ id: SEED.configurations.deals, locking_rules: [stageRule('Qualifying', 'Qualification', true)] }, `${PATH}/${SEED.configurations.deals}?module=Deals`);
    const lock = await call(emulator, 'GET', `/Deals/${SEED.deals.globexExpansion}/Locking_Information__s?fields=Lock_Source__s,Record_Locking_Rule_Id__s,Record_Locking_Configuration_Id__s`);
    expect(lock.status).toBe(200);
    expect(lock.json.data[0]).toMatchObject({
      Lock_Source__s: 'Automatic',
      Record_Locking_Rule_Id__s: expect.stringMatching(/^\d+$/),
      Record_Locking_Configuration_Id__s: SEED.configurations.deals,
    });
  });

  it('answers NOT_ALLOWED for a system-defined configuration', async () => {
    const data = emulator.snapshot() as { configurations: { system_defined: boolean }[] };
    expect(data.configurations.length).toBeGreaterThan(0);
    const seeded = createEmulator();
    const state = seeded.snapshot() as any;
    state.configurations[0].system_defined = true;
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'emulator-')), 'state.json');
    writeFileSync(file, JSON.stringify(state));
    const systemOrg = createEmulator({ dataFile: file });
    const answer = await call(systemOrg, 'PUT', `${PATH}?module=Deals`, {
      token: ADMIN,
      body: wrap({ id: SEED.configurations.deals, lock_type: 'manual' }),
    });
    expect(answer.json).toEqual({
      code: 'NOT_ALLOWED',
      details: { resource_path_index: 1 },
      message: 'Configuration created by system cannot be updated',
      status: 'error',
    });
  });

  const refusals: Refusal[] = [
    {
      name: 'answers MANDATORY_NOT_FOUND for an id missing from both path and body',
      method: 'PUT',
      path: `${PATH}?module=Deals`,
      options: { token: ADMIN, body: wrap({ lock_type: 'manual' }) },
      status: 400,
      json: configurationError('MANDATORY_NOT_FOUND', 'required field not found', at('id')),
    },
    {
      name: 'refuses a non-administrator with NO_PERMISSION',
      method: 'PUT',
      path: `${PATH}?module=Deals`,
      options: { token: '1000.demo.rep', body: wrap({ id: SEED.configurations.deals, lock_type: 'manual' }) },
      status: 403,
      json: CUSTOMIZE_DENIED,
    },
  ];

  it.each(byName(refusals))('%s', (_name, refusal) => expectRefusal(emulator, refusal));
});

describe('DELETE record_locking_configurations', () => {
  it.each([
    ['the id in the path', `${PATH}/${SEED.configurations.deals}?module=Deals`],
    ['the ids parameter', `${PATH}?module=Deals&ids=${SEED.configurations.deals}`],
  ])('deletes by %s and unlocks every record of the module', async (_how, path) => {
    const answer = await call(emulator, 'DELETE', path, { token: ADMIN });
    expect(answer.status).toBe(200);
    expect(firstItem(answer)).toEqual({
      code: 'SUCCESS',
      details: { id: SEED.configurations.deals },
      message: 'record locking configuration deleted',
      status: 'success',
    });
    const snapshot = emulator.snapshot() as { locks: { module: string }[] };
    expect(snapshot.locks.filter((l) => l.module === 'Deals')).toEqual([]);
    const lock = await call(emulator, 'GET', `/Deals/${SEED.deals.hooliPricing}/Locking_Information__s?fields=id`);
    expect(lock.json.code).toBe('NOT_ALLOWED');
  });


  it.each(
    byName([
      {
        name: 'answers INVALID_DATA at index 2 for an unknown id',
        method: 'DELETE',
        path: `${PATH}/5843104000000000001?module=Deals`,
        options: { token: ADMIN },
        status: 400,
        json: zohoError('INVALID_DATA', 'the id given seems to be invalid', { resource_path_index: 2 }),
      },
    ]),
  )('%s', (_name, refusal) => expectRefusal(emulator, refusal));
});
