import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

const NOW = new Date('2026-02-01T15:00:00Z');
const { deals } = SEED;
const lockPath = (recordId: string, module = 'Deals'): string => `/${module}/${recordId}/Locking_Information__s`;
const FIELDS = '?fields=Locked_For__s,Locked_Reason__s,Lock_Source__s,Locked_Time__s,Locked_By__s,Record_Locking_Rule_Id__s,Record_Locking_Configuration_Id__s';
const reasonBody = (reason: unknown) => ({ data: [{ Locked_Reason__s: reason }] });

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

  it('answers REQUIRED_PARAM_MISSING without fields', async () => {
    const answer = await call(emulator, 'GET', lockPath(deals.hooliPricing));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'REQUIRED_PARAM_MISSING',
      details: { param_name: 'fields' },
      message: 'One of the expected parameter is missing',
      status: 'error',
    });
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

describe('errors shared by the lock endpoints', () => {
  it.each([
    ['GET', `${lockPath(SEED.contacts.aliceSmith, 'Contacts')}?fields=Lock_Source__s`],
    ['POST', lockPath(SEED.contacts.aliceSmith, 'Contacts')],
  ])('%s on a module without configuration answers NOT_ALLOWED 400', async (method, path) => {
    const answer = await call(emulator, method, path, { body: reasonBody('x') });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'NOT_ALLOWED',
      details: { resource_path_index: 2 },
      message: 'Required Record Locking Configuration is not present',
      status: 'error',
    });
  });

  it.each(['Campaigns', 'Notes', 'deals', 'Nope'])('answers INVALID_MODULE for %s', async (module) => {
    const answer = await call(emulator, 'GET', `/${module}/${deals.acmeRenewal}/Locking_Information__s?fields=id`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'INVALID_MODULE',
      details: { resource_path_index: 0 },
      message: 'the module name given seems to be invalid',
      status: 'error',
    });
  });

  it('answers INVALID_DATA at index 1 for a record id that is not an id', async () => {
    const answer = await call(emulator, 'GET', '/Deals/abc123/Locking_Information__s?fields=id');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'INVALID_DATA',
      details: { resource_path_index: 1 },
      message: 'the related id given seems to be invalid',
      status: 'error',
    });
  });

  it('answers INVALID_DATA "relation not found" for a record that does not exist', async () => {
    const answer = await call(emulator, 'POST', lockPath('5843104000000999999'), { body: reasonBody('x') });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ code: 'INVALID_DATA', details: {}, message: 'relation not found', status: 'error' });
  });

  it('answers INVALID_URL_PATTERN 404 for a malformed lock id', async () => {
    const answer = await call(emulator, 'GET', `${lockPath(deals.hooliPricing)}/not-an-id/extra`);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({
      code: 'INVALID_URL_PATTERN',
      details: {},
      message: 'Please check if the URL trying to access is a correct one',
      status: 'error',
    });
  });

  it.each([
    ['PATCH', lockPath(deals.hooliPricing)],
    ['PUT', lockPath(deals.hooliPricing)],
    ['DELETE', lockPath(deals.hooliPricing)],
    ['POST', `${lockPath(deals.hooliPricing)}/${SEED.locks.hooliPricing}`],
  ])('answers INVALID_REQUEST_METHOD 403 for %s %s', async (method, path) => {
    const answer = await call(emulator, method, path);
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      code: 'INVALID_REQUEST_METHOD',
      details: {},
      message: 'The http request method type is not a valid one',
      status: 'error',
    });
  });
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

  it.each([
    ['missing', {}],
    ['null', { Locked_Reason__s: null }],
    ['empty', { Locked_Reason__s: '' }],
    ['whitespace', { Locked_Reason__s: ' \n\t ' }],
  ])('answers MANDATORY_NOT_FOUND inside data[] for a %s reason', async (_name, item) => {
    const answer = await call(emulator, 'POST', lockPath(deals.acmeRenewal), { body: { data: [item] } });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      data: [
        {
          code: 'MANDATORY_NOT_FOUND',
          details: { api_name: 'Locked_Reason__s', json_path: '$.data[0].Locked_Reason__s' },
          message: 'required field not found',
          status: 'error',
        },
      ],
    });
  });

  it('accepts a reason of exactly 3000 characters and refuses 3001 with INVALID_DATA', async () => {
    const tooLong = await call(emulator, 'POST', lockPath(deals.acmeRenewal), { body: reasonBody('x'.repeat(3001)) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.data[0]).toMatchObject({
      code: 'INVALID_DATA',
      details: { api_name: 'Locked_Reason__s', maximum_length: 3000 },
      status: 'error',
    });
    const exact = await call(emulator, 'POST', lockPath(deals.acmeRenewal), { body: reasonBody('x'.repeat(3000)) });
    expect(exact.status).toBe(201);
  });

  it.each([
    ['manually', deals.hooliPricing],
    ['automatically', deals.initechClosedWon],
  ])('answers NOT_ALLOWED 403 for a record already locked %s', async (_how, recordId) => {
    const answer = await call(emulator, 'POST', lockPath(recordId), { body: reasonBody('again') });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      code: 'NOT_ALLOWED',
      details: { resource_path_index: 1 },
      message: 'record is already locked',
      status: 'error',
    });
  });

  it('answers NOT_ALLOWED 403 when only automatic locking is configured', async () => {
    await call(emulator, 'PUT', '/settings/record_locking_configurations?module=Leads', {
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
    });
    const answer = await call(emulator, 'POST', lockPath(SEED.leads.janeDoe, 'Leads'), { body: reasonBody('x') });
    expect(answer.status).toBe(403);
    expect(answer.json.message).toBe('record cannot be locked, only automatic locking is configured');
  });

  it('answers NO_PERMISSION 403 to a profile without the Lock permission and stores nothing', async () => {
    const answer = await call(emulator, 'POST', lockPath(deals.acmeRenewal), {
      token: '1000.demo.intern',
      body: reasonBody('x'),
    });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'NO_PERMISSION', details: { resource_path_index: 1 }, status: 'error' });
    expect((await call(emulator, 'GET', lockPath(deals.acmeRenewal) + FIELDS)).status).toBe(204);
  });

  it('answers NOT_APPROVED for a record awaiting approval', async () => {
    const answer = await call(emulator, 'POST', lockPath(deals.soylentApproval), { body: reasonBody('x') });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'NOT_APPROVED', details: { id: deals.soylentApproval }, status: 'error' });
  });

  it('answers RECORD_LOCKED zia_vision_processing for a record under Zia image processing', async () => {
    const answer = await call(emulator, 'POST', lockPath(deals.starkImages), { body: reasonBody('x') });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'RECORD_LOCKED',
      details: { id: deals.starkImages, action: 'zia_vision_processing' },
      message: 'Cannot update record that is not approved yet',
      status: 'error',
    });
  });
});

describe('PUT Locking_Information__s/{id} (edit the reason)', () => {
  const path = `${lockPath(deals.hooliPricing)}/${SEED.locks.hooliPricing}`;

  it('changes the reason and answers "relation updated"', async () => {
    const answer = await call(emulator, 'PUT', path, { token: '1000.demo.manager', body: reasonBody('Legal done, pricing open') });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      data: [{ code: 'SUCCESS', details: { id: SEED.locks.hooliPricing }, message: 'relation updated', status: 'success' }],
    });
    const read = await call(emulator, 'GET', `${lockPath(deals.hooliPricing)}?fields=Locked_Reason__s,Locked_By__s`);
    expect(read.json.data[0].Locked_Reason__s).toBe('Legal done, pricing open');
    expect(read.json.data[0].Locked_By__s.id).toBe(SEED.users.rep);
  });

  it('answers MANDATORY_NOT_FOUND for an empty reason and keeps the old one', async () => {
    const answer = await call(emulator, 'PUT', path, { body: reasonBody('   ') });
    expect(answer.json.data[0].code).toBe('MANDATORY_NOT_FOUND');
    const read = await call(emulator, 'GET', `${lockPath(deals.hooliPricing)}?fields=Locked_Reason__s`);
    expect(read.json.data[0].Locked_Reason__s).toBe('Pricing under legal review');
  });

  it('answers NOT_ALLOWED 403 for an automatic lock', async () => {
    const answer = await call(emulator, 'PUT', `${lockPath(deals.initechClosedWon)}/${SEED.locks.initechClosedWon}`, {
      body: reasonBody('x'),
    });
    expect(answer.status).toBe(403);
    expect(answer.json.code).toBe('NOT_ALLOWED');
  });

  it('answers NO_PERMISSION 403 for a profile without the Lock permission', async () => {
    const answer = await call(emulator, 'PUT', path, { token: '1000.demo.intern', body: reasonBody('x') });
    expect(answer.status).toBe(403);
    expect(answer.json.code).toBe('NO_PERMISSION');
  });

  it('answers INVALID_DATA at index 3 for a lock id that is not this record\'s lock', async () => {
    const answer = await call(emulator, 'PUT', `${lockPath(deals.hooliPricing)}/5843104000000999998`, { body: reasonBody('x') });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'INVALID_DATA',
      details: { resource_path_index: 3 },
      message: 'the id given seems to be invalid',
      status: 'error',
    });
  });

  it('answers INVALID_DATA "relation not found" once the lock is gone', async () => {
    await call(emulator, 'DELETE', path);
    const answer = await call(emulator, 'PUT', path, { body: reasonBody('x') });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe('relation not found');
  });
});

describe('DELETE Locking_Information__s/{id} (unlock)', () => {
  const path = `${lockPath(deals.hooliPricing)}/${SEED.locks.hooliPricing}`;

  it('unlocks and answers "relation removed"', async () => {
    const answer = await call(emulator, 'DELETE', path, { token: '1000.demo.manager' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      data: [{ code: 'SUCCESS', details: { id: SEED.locks.hooliPricing }, message: 'relation removed', status: 'success' }],
    });
    expect((await call(emulator, 'GET', lockPath(deals.hooliPricing) + FIELDS)).status).toBe(204);
  });

  it('refuses an automatic lock with NOT_ALLOWED 403', async () => {
    const answer = await call(emulator, 'DELETE', `${lockPath(deals.initechClosedWon)}/${SEED.locks.initechClosedWon}`, {
      token: '1000.demo.admin',
    });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      code: 'NOT_ALLOWED',
      details: { resource_path_index: 1 },
      message: 'Automatically locked records can not be unlocked manually',
      status: 'error',
    });
  });

  it('refuses a profile without the Lock permission with NO_PERMISSION 403', async () => {
    const answer = await call(emulator, 'DELETE', path, { token: '1000.demo.intern' });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      code: 'NO_PERMISSION',
      details: { resource_path_index: 1 },
      message: 'You do not have permission to unlock this record',
      status: 'error',
    });
    expect((await call(emulator, 'GET', lockPath(deals.hooliPricing) + FIELDS)).status).toBe(200);
  });

  it('answers "relation not found" for a second unlock of the same lock', async () => {
    await call(emulator, 'DELETE', path);
    const again = await call(emulator, 'DELETE', path);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ code: 'INVALID_DATA', details: {}, message: 'relation not found', status: 'error' });
  });
});
