import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';
import { byName, expectRefusal, itemError, zohoError, type Refusal } from './refusals';

const NOW = new Date('2026-02-01T15:00:00Z');
const { deals } = SEED;
const lockPath = (recordId: string, module = 'Deals'): string => `/${module}/${recordId}/Locking_Information__s`;
const FIELDS = '?fields=Locked_For__s,Locked_Reason__s,Lock_Source__s,Locked_Time__s,Locked_By__s,Record_Locking_Rule_Id__s,Record_Locking_Configuration_Id__s';
const reasonBody = (reason: unknown) => ({ data: [{ Locked_Reason__s: reason }] });
const hooliLock = `${lockPath(deals.hooliPricing)}/${SEED.locks.hooliPricing}`;
const initechLock = `${lockPath(deals.initechClosedWon)}/${SEED.locks.initechClosedWon}`;
const REASON_PATH = { api_name: 'Locked_Reason__s', json_path: '$.data[0].Locked_Reason__s' };
const AT_RECORD = { resource_path_index: 1 };
const ALREADY_LOCKED = zohoError('NOT_ALLOWED', 'record is already locked', AT_RECORD);
const LOCK_DENIED = zohoError('NO_PERMISSION', 'Permission denied to customize record lock configurations', AT_RECORD);
const RELATION_NOT_FOUND = zohoError('INVALID_DATA', 'relation not found');
const unlockHooli = (org: Emulator) => call(org, 'DELETE', hooliLock);

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => NOW });
});

describe('GET Locking_Information__s', () => {
  it('answers a manual lock in Zoho list shape with the info block', async () => {
    const answer = await call(emulator, 'GET', lockPath(deals.hooliPricing) + FIELDS);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      data: [
        {
          Locked_By__s: { name: 'Rita Rep', id: SEED.users.rep },
          Record_Locking_Rule_Id__s: null,
          Locked_For__s: {
            module: { api_name: 'Deals', id: expect.stringMatching(/^\d+$/) },
            name: 'Hooli enterprise pricing',
            id: deals.hooliPricing,
          },
          Locked_Reason__s: 'Pricing under legal review',
          Record_Locking_Configuration_Id__s: SEED.configurations.deals,
          id: SEED.locks.hooliPricing,
          Lock_Source__s: 'Manual',
          Locked_Time__s: '2026-01-12T14:30:00-05:00',
          $field_states: null,
          $editable: true,
          $sharing_permission: 'full_access',
          $zia_visions: null,
        },
      ],
      info: {
        per_page: 200,
        count: 1,
        page: 1,
        more_records: false,
        next_page_token: null,
        previous_page_token: null,
        page_token_expiry: null,
      },
    });
  });

  it('answers an automatic lock with its rule, no reason, no locker and read_only', async () => {
    const answer = await call(emulator, 'GET', lockPath(deals.initechClosedWon) + FIELDS);
    expect(answer.json.data[0]).toMatchObject({
      Lock_Source__s: 'Automatic',
      Locked_By__s: null,
      Locked_Reason__s: null,
      Record_Locking_Rule_Id__s: SEED.rules.closedWonDeals,
      $editable: false,
      $sharing_permission: 'read_only',
    });
  });

  it('answers 204 with an empty body when the record is not locked', async () => {
    const answer = await call(emulator, 'GET', lockPath(deals.acmeRenewal) + FIELDS);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
  });

  it('returns only the asked fields plus id and the $ keys', async () => {
    const answer = await call(emulator, 'GET', `${lockPath(deals.hooliPricing)}?fields=Locked_Reason__s`);
    expect(Object.keys(answer.json.data[0]).sort()).toEqual(
      ['$editable', '$field_states', '$sharing_permission', '$zia_visions', 'Locked_Reason__s', 'id'].sort(),
    );
  });

  it('marks a manual lock not editable for a profile without the Lock permission', async () => {
    const answer = await call(emulator, 'GET', lockPath(deals.hooliPricing) + FIELDS, { token: '1000.demo.intern' });
    expect(answer.json.data[0]).toMatchObject({ $editable: false, $sharing_permission: 'read_only' });
  });

  it('answers the same under /crm/v7', async () => {
    const answer = await call(
      emulator,
      'GET',
      `https://www.zohoapis.com/crm/v7/Deals/${deals.hooliPricing}/Locking_Information__s?fields=Lock_Source__s`,
    );
    expect(answer.json.data[0].Lock_Source__s).toBe('Manual');
  });

  it('reads one lock by id without the info block, and 204 once it is gone', async () => {
    const byId = `${lockPath(deals.hooliPricing)}/${SEED.locks.hooliPricing}`;
    const found = await call(emulator, 'GET', byId);
    expect(found.status).toBe(200);
    expect(found.json.info).toBeUndefined();
    expect(found.json.data[0].id).toBe(SEED.locks.hooliPricing);
    await call(emulator, 'DELETE', byId);
    expect((await call(emulator, 'GET', byId)).status).toBe(204);
  });
});

describe('refusals shared by the lock endpoints', () => {
  const refusals: Refusal[] = [
    {
      name: 'GET without fields answers REQUIRED_PARAM_MISSING',
      method: 'GET',
      path: lockPath(deals.hooliPricing),
      status: 400,
      json: zohoError('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param_name: 'fields' }),
    },
    ...(['GET', 'POST'] as const).map((method) => ({
      name: `${method} on a module without configuration answers NOT_ALLOWED 400`,
      method,
      path: `${lockPath(SEED.contacts.aliceSmith, 'Contacts')}${method === 'GET' ? '?fields=Lock_Source__s' : ''}`,
      options: { body: reasonBody('x') },
      status: 400,
      json: zohoError('NOT_ALLOWED', 'Required Record Locking Configuration is not present', { resource_path_index: 2 }),
    })),
    ...['Campaigns', 'Notes', 'deals', 'Nope'].map((module) => ({
      name: `answers INVALID_MODULE for ${module}`,
      method: 'GET',
      path: `/${module}/${deals.acmeRenewal}/Locking_Information__s?fields=id`,
      status: 400,
      json: zohoError('INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 }),
    })),
    {
      name: 'answers INVALID_DATA at index 1 for a record id that is not an id',
      method: 'GET',
      path: '/Deals/abc123/Locking_Information__s?fields=id',
      status: 400,
      json: zohoError('INVALID_DATA', 'the related id given seems to be invalid', AT_RECORD),
    },
    {
      name: 'answers INVALID_DATA "relation not found" for a record that does not exist',
      method: 'POST',
      path: lockPath('5843104000000999999'),
      options: { body: reasonBody('x') },
      status: 400,
      json: RELATION_NOT_FOUND,
    },
    ...[
      ['PATCH', lockPath(deals.hooliPricing)],
      ['PUT', lockPath(deals.hooliPricing)],
      ['DELETE', lockPath(deals.hooliPricing)],
      ['POST', hooliLock],
    ].map(([method = '', path = '']) => ({
      name: `answers INVALID_REQUEST_METHOD 403 for ${method} ${path}`,
      method,
      path,
      status: 403,
      json: zohoError('INVALID_REQUEST_METHOD', 'The http request method type is not a valid one'),
    })),
  ];

  it.each(byName(refusals))('%s', (_name, refusal) => expectRefusal(emulator, refusal));
});

describe('POST Locking_Information__s (lock)', () => {
  it('locks with a reason and answers 201 with Zoho success details', async () => {
    const answer = await call(emulator, 'POST', lockPath(deals.acmeRenewal), { body: reasonBody('Contract sent') });
    expect(answer.status).toBe(201);
    const by = { name: 'Rita Rep', id: SEED.users.rep };
    expect(answer.json).toEqual({
      data: [
        {
          code: 'SUCCESS',
          details: {
            Modified_Time: '2026-02-01T10:00:00-05:00',
            Modified_By: by,
            Created_Time: '2026-02-01T10:00:00-05:00',
            id: expect.stringMatching(/^\d{19}$/),
            Created_By: by,
          },
          message: 'record added',
          status: 'success',
        },
      ],
    });
    const read = await call(emulator, 'GET', lockPath(deals.acmeRenewal) + FIELDS);
    expect(read.json.data[0]).toMatchObject({
      id: answer.json.data[0].details.id,
      Locked_Reason__s: 'Contract sent',
      Lock_Source__s: 'Manual',
      Locked_By__s: by,
      Locked_Time__s: '2026-02-01T10:00:00-05:00',
    });
  });

  it('stores the reason trimmed and marks the record Locked__s', async () => {
    await call(emulator, 'POST', lockPath(deals.acmeRenewal), { body: reasonBody('  padded  ') });
    const read = await call(emulator, 'GET', `${lockPath(deals.acmeRenewal)}?fields=Locked_Reason__s`);
    expect(read.json.data[0].Locked_Reason__s).toBe('padded');
    const record = await call(emulator, 'GET', `/Deals/${deals.acmeRenewal}`);
    expect(record.json.data[0].Locked__s).toBe(true);
  });

  it('accepts a reason of exactly 3000 characters', async () => {
    const exact = await call(emulator, 'POST', lockPath(deals.acmeRenewal), { body: reasonBody('x'.repeat(3000)) });
    expect(exact.status).toBe(201);
  });

  const lock = (recordId: string, reason: unknown = 'again', module = 'Deals') => ({
    method: 'POST',
    path: lockPath(recordId, module),
    options: { body: reasonBody(reason) },
  });
  const refusals: Refusal[] = [
    ...(
      [
        ['missing', {}],
        ['null', { Locked_Reason__s: null }],
        ['empty', { Locked_Reason__s: '' }],
        ['whitespace', { Locked_Reason__s: ' \n\t ' }],
      ] as const
    ).map(([what, item]) => ({
      name: `answers MANDATORY_NOT_FOUND inside data[] for a ${what} reason`,
      method: 'POST',
      path: lockPath(deals.acmeRenewal),
      options: { body: { data: [item] } },
      status: 400,
      json: itemError('data', 'MANDATORY_NOT_FOUND', 'required field not found', REASON_PATH),
    })),
    {
      name: 'refuses a reason of 3001 characters with INVALID_DATA inside data[]',
      ...lock(deals.acmeRenewal, 'x'.repeat(3001)),
      status: 400,
      json: itemError('data', 'INVALID_DATA', 'invalid data', { ...REASON_PATH, maximum_length: 3000 }),
    },
    { name: 'answers NOT_ALLOWED 403 for a record already locked manually', ...lock(deals.hooliPricing), status: 403, json: ALREADY_LOCKED },
    { name: 'answers NOT_ALLOWED 403 for a record already locked automatically', ...lock(deals.initechClosedWon), status: 403, json: ALREADY_LOCKED },
    {
      name: 'answers NOT_ALLOWED 403 when only automatic locking is configured',
      ...lock(SEED.leads.janeDoe, 'x', 'Leads'),
      arrange: (org) =>
        call(org, 'PUT', '/settings/record_locking_configurations?module=Leads', {
          token: '1000.demo.admin',
          body: {
            record_locking_configurations: [
              {
                id: SEED.configurations.leads,
                lock_type: 'automatic',
                locking_rules: [{ name: 'Junk', criteria: { comparator: 'equal', field: { api_name: 'Lead_Status' }, value: 'Junk' } }],
              },
            ],
          },
        }),
      status: 403,
      json: zohoError('NOT_ALLOWED', 'record cannot be locked, only automatic locking is configured', AT_RECORD),
    },
    {
      name: 'answers NO_PERMISSION 403 to a profile without the Lock permission and stores nothing',
      ...lock(deals.acmeRenewal, 'x'),
      options: { token: '1000.demo.intern', body: reasonBody('x') },
      status: 403,
      json: LOCK_DENIED,
    },
    {
      name: 'answers NOT_APPROVED for a record awaiting approval',
      ...lock(deals.soylentApproval, 'x'),
      status: 400,
      json: zohoError('NOT_APPROVED', 'Record is not approved', { id: deals.soylentApproval }),
    },
    {
      name: 'answers RECORD_LOCKED zia_vision_processing for a record under Zia image processing',
      ...lock(deals.starkImages, 'x'),
      status: 400,
      json: zohoError('RECORD_LOCKED', 'Cannot update record that is not approved yet', {
        id: deals.starkImages,
        action: 'zia_vision_processing',
      }),
    },
  ];

  it.each(byName(refusals))('%s', (_name, refusal) => expectRefusal(emulator, refusal));
});

describe('PUT Locking_Information__s/{id} (edit the reason)', () => {
  it('changes the reason and answers "relation updated"', async () => {
    const answer = await call(emulator, 'PUT', hooliLock, { token: '1000.demo.manager', body: reasonBody('Legal done, pricing open') });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      data: [{ code: 'SUCCESS', details: { id: SEED.locks.hooliPricing }, message: 'relation updated', status: 'success' }],
    });
    const read = await call(emulator, 'GET', `${lockPath(deals.hooliPricing)}?fields=Locked_Reason__s,Locked_By__s`);
    expect(read.json.data[0].Locked_Reason__s).toBe('Legal done, pricing open');
    expect(read.json.data[0].Locked_By__s.id).toBe(SEED.users.rep);
  });

  const edit = (path: string, reason: string, token = '1000.demo.rep') => ({
    method: 'PUT',
    path,
    options: { token, body: reasonBody(reason) },
  });
  const refusals: Refusal[] = [
    {
      name: 'answers MANDATORY_NOT_FOUND for an empty reason and keeps the old one',
      ...edit(hooliLock, '   '),
      status: 400,
      json: itemError('data', 'MANDATORY_NOT_FOUND', 'required field not found', REASON_PATH),
    },
    { name: 'answers NOT_ALLOWED 403 for an automatic lock', ...edit(initechLock, 'x'), status: 403, json: ALREADY_LOCKED },
    {
      name: 'answers NO_PERMISSION 403 for a profile without the Lock permission',
      ...edit(hooliLock, 'x', '1000.demo.intern'),
      status: 403,
      json: LOCK_DENIED,
    },
    {
      name: "answers INVALID_DATA at index 3 for a lock id that is not this record's lock",
      ...edit(`${lockPath(deals.hooliPricing)}/5843104000000999998`, 'x'),
      status: 400,
      json: zohoError('INVALID_DATA', 'the id given seems to be invalid', { resource_path_index: 3 }),
    },
    {
      name: 'checks the reason before the lock it names: MANDATORY_NOT_FOUND for an empty reason once the lock is gone',
      ...edit(hooliLock, ' '),
      arrange: unlockHooli,
      status: 400,
      json: itemError('data', 'MANDATORY_NOT_FOUND', 'required field not found', REASON_PATH),
    },
    {
      name: 'answers INVALID_DATA "relation not found" once the lock is gone',
      ...edit(hooliLock, 'x'),
      arrange: unlockHooli,
      status: 400,
      json: RELATION_NOT_FOUND,
    },
  ];

  it.each(byName(refusals))('%s', (_name, refusal) => expectRefusal(emulator, refusal));
});

describe('DELETE Locking_Information__s/{id} (unlock)', () => {
  it('unlocks and answers "relation removed"', async () => {
    const answer = await call(emulator, 'DELETE', hooliLock, { token: '1000.demo.manager' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      data: [{ code: 'SUCCESS', details: { id: SEED.locks.hooliPricing }, message: 'relation removed', status: 'success' }],
    });
    expect((await call(emulator, 'GET', lockPath(deals.hooliPricing) + FIELDS)).status).toBe(204);
  });

  const refusals: Refusal[] = [
    {
      name: 'refuses an automatic lock with NOT_ALLOWED 403',
      method: 'DELETE',
      path: initechLock,
      options: { token: '1000.demo.admin' },
      status: 403,
      json: zohoError('NOT_ALLOWED', 'Automatically locked records can not be unlocked manually', AT_RECORD),
    },
    {
      name: 'refuses a profile without the Lock permission with NO_PERMISSION 403, and the lock stays',
      method: 'DELETE',
      path: hooliLock,
      options: { token: '1000.demo.intern' },
      status: 403,
      json: zohoError('NO_PERMISSION', 'You do not have permission to unlock this record', AT_RECORD),
    },
    {
      name: 'answers "relation not found" for a second unlock of the same lock',
      method: 'DELETE',
      path: hooliLock,
      arrange: unlockHooli,
      status: 400,
      json: RELATION_NOT_FOUND,
    },
  ];

  it.each(byName(refusals))('%s', (_name, refusal) => expectRefusal(emulator, refusal));
});
