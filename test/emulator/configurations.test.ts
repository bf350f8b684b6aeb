import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

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

const itemError = (answer: { json: any }) => answer.json.record_locking_configurations[0];

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

  it('refuses a user without Customize Zoho CRM with NO_PERMISSION 403', async () => {
    const answer = await call(emulator, 'GET', `${PATH}?module=Deals`, { token: '1000.demo.manager' });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      code: 'NO_PERMISSION',
      details: { permissions: ['Crm_Implied_Customize_Zoho_CRM'] },
      message: 'permission denied',
      status: 'error',
    });
  });

  it('answers REQUIRED_PARAM_MISSING without module and INVALID_MODULE for an unknown one', async () => {
    const missing = await call(emulator, 'GET', PATH, { token: ADMIN });
    expect(missing.json).toEqual({
      code: 'REQUIRED_PARAM_MISSING',
      details: { param_name: 'module' },
      message: 'One of the expected parameter is missing',
      status: 'error',
    });
    const unknown = await call(emulator, 'GET', `${PATH}?module=Campaigns`, { token: ADMIN });
    expect(unknown.json).toEqual({
      code: 'INVALID_MODULE',
      details: {},
      message: 'the module name given seems to be invalid',
      status: 'error',
    });
  });
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

  it('answers LIMIT_EXCEEDED when the module already has one', async () => {
    const answer = await call(emulator, 'POST', `${PATH}?module=Deals`, { token: ADMIN, body: wrap({ lock_type: 'manual' }) });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'LIMIT_EXCEEDED',
      details: { param_name: 'module', limit: 1 },
      message: 'Configuration already created for this module',
      status: 'error',
    });
  });

  it('answers MANDATORY_NOT_FOUND for a missing lock_type', async () => {
    const answer = await call(emulator, 'POST', `${PATH}?module=Contacts`, { token: ADMIN, body: wrap({}) });
    expect(answer.json).toEqual({
      record_locking_configurations: [
        {
          code: 'MANDATORY_NOT_FOUND',
          details: { api_name: 'lock_type', json_path: '$.record_locking_configurations[0].lock_type' },
          message: 'required field not found',
          status: 'error',
        },
      ],
    });
  });

  it.each([
    ['lock_type', { lock_type: 'sometimes' }, 'lock_type not found', ['manual', 'automatic', 'both']],
    [
      'locked_for',
      { lock_type: 'manual', locked_for: 'nobody' },
      'locked_for not found',
      ['all_profiles', 'all_profiles_except_excluded_profiles'],
    ],
    [
      'restricted_actions',
      { lock_type: 'manual', restricted_actions: ['update', 'fly'] },
      'action not found',
      ['convert', 'update', 'delete', 'change_owner', 'tags'],
    ],
  ])('answers INVALID_DATA with supported_values for a bad %s', async (_key, item, message, supported) => {
    const answer = await call(emulator, 'POST', `${PATH}?module=Contacts`, { token: ADMIN, body: wrap(item) });
    expect(answer.status).toBe(400);
    expect(itemError(answer)).toMatchObject({ code: 'INVALID_DATA', message, details: { supported_values: supported } });
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

  it.each([
    [
      'locking_rules for automatic',
      { lock_type: 'automatic' },
      { api_name: 'locking_rules', dependee: { api_name: 'lock_type', json_path: '$.record_locking_configurations[0].lock_type' } },
    ],
    [
      'lock_excluded_profiles for except',
      { lock_type: 'manual', locked_for: 'all_profiles_except_excluded_profiles' },
      { api_name: 'lock_excluded_profiles', dependee: { api_name: 'locked_for', json_path: '$.record_locking_configurations[0].locked_for' } },
    ],
  ])('answers DEPENDENT_FIELD_MISSING without %s', async (_name, item, details) => {
    const answer = await call(emulator, 'POST', `${PATH}?module=Contacts`, { token: ADMIN, body: wrap(item) });
    expect(itemError(answer)).toMatchObject({ code: 'DEPENDENT_FIELD_MISSING', details, status: 'error' });
  });

  const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

  it.each([
    ['locking_rules', 5, { lock_type: 'both', locking_rules: many(6, (i) => lastNameRule(`Rule ${i}`, `S${i}`)) }],
    ['lock_excluded_profiles', 15, { lock_type: 'manual', lock_excluded_profiles: many(16, () => ({ id: SEED.profiles.intern })) }],
    ['excluded_fields', 15, { lock_type: 'manual', excluded_fields: many(16, () => ({ api_name: 'Email' })) }],
    ['restricted_custom_buttons', 30, { lock_type: 'manual', restricted_custom_buttons: many(31, () => ({ id: '1' })) }],
  ])('answers LIMIT_EXCEEDED with details.limit for too many %s', async (key, limit, item) => {
    const answer = await call(emulator, 'POST', `${PATH}?module=Contacts`, { token: ADMIN, body: wrap(item) });
    expect(answer.status).toBe(400);
    expect(itemError(answer)).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit, api_name: key } });
  });

  it('answers DUPLICATE_DATA for two rules with one name', async () => {
    const answer = await call(emulator, 'POST', `${PATH}?module=Contacts`, {
      token: ADMIN,
      body: wrap({ lock_type: 'automatic', locking_rules: [lastNameRule('Same', 'A'), lastNameRule('Same', 'B')] }),
    });
    expect(itemError(answer)).toEqual({
      code: 'DUPLICATE_DATA',
      details: { api_name: 'locking_rules', json_path: '$.record_locking_configurations[0].locking_rules[1].name' },
      message: 'Duplicate rule name found, Enter unique rulename.',
      status: 'error',
    });
  });

  it('refuses Owner as an excluded field with NOT_SUPPORTED', async () => {
    const answer = await call(emulator, 'POST', `${PATH}?module=Contacts`, {
      token: ADMIN,
      body: wrap({ lock_type: 'manual', excluded_fields: [{ api_name: 'Email' }, { api_name: 'Owner' }] }),
    });
    expect(itemError(answer)).toMatchObject({ code: 'NOT_SUPPORTED', message: 'Field not supported' });
  });
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
    expect(itemError(answer)).toEqual({
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

  it('answers MANDATORY_NOT_FOUND for an id missing from both path and body', async () => {
    const answer = await update({ lock_type: 'manual' });
    expect(itemError(answer)).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'id' } });
  });

  it('refuses a non-administrator with NO_PERMISSION', async () => {
    const answer = await call(emulator, 'PUT', `${PATH}?module=Deals`, {
      token: '1000.demo.rep',
      body: wrap({ id: SEED.configurations.deals, lock_type: 'manual' }),
    });
    expect(answer.status).toBe(403);
    expect(answer.json.details.permissions).toEqual(['Crm_Implied_Customize_Zoho_CRM']);
  });
});

describe('DELETE record_locking_configurations', () => {
  it.each([
    ['the id in the path', `${PATH}/${SEED.configurations.deals}?module=Deals`],
    ['the ids parameter', `${PATH}?module=Deals&ids=${SEED.configurations.deals}`],
  ])('deletes by %s and unlocks every record of the module', async (_how, path) => {
    const answer = await call(emulator, 'DELETE', path, { token: ADMIN });
    expect(answer.status).toBe(200);
    expect(itemError(answer)).toEqual({
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

  it('answers INVALID_DATA at index 2 for an unknown id', async () => {
    const answer = await call(emulator, 'DELETE', `${PATH}/5843104000000000001?module=Deals`, { token: ADMIN });
    expect(answer.json).toEqual({
      code: 'INVALID_DATA',
      details: { resource_path_index: 2 },
      message: 'the id given seems to be invalid',
      status: 'error',
    });
  });
});
