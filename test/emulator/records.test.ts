import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

const { deals } = SEED;
let clock = new Date('2026-02-01T15:00:00Z');
let emulator: Emulator;
beforeEach(() => {
  clock = new Date('2026-02-01T15:00:00Z');
  emulator = createEmulator({ now: () => clock });
});

const put = (recordId: string, change: Record<string, unknown>, token = '1000.demo.rep', headers = {}) =>
  call(emulator, 'PUT', `/Deals/${recordId}`, { token, body: { data: [change] }, headers });

describe('GET records', () => {
  it('lists a page with the asked fields, id, $ keys and the info block', async () => {
    const answer = await call(emulator, 'GET', '/Deals?fields=Deal_Name,Stage,Locked__s&per_page=3&page=1');
    expect(answer.status).toBe(200);
    expect(answer.json.data).toHaveLength(3);
    expect(answer.json.data[0]).toEqual({
      Deal_Name: 'Acme renewal',
      Stage: 'Negotiation/Review',
      Locked__s: false,
      id: deals.acmeRenewal,
      $approval_state: 'approved',
      $approved: true,
      $editable: true,
      $locked_for_me: false,
      $zia_visions: null,
    });
    expect(answer.json.info).toMatchObject({ per_page: 3, count: 3, page: 1, more_records: true });
  });

  it('answers 204 past the last page', async () => {
    expect((await call(emulator, 'GET', '/Deals?fields=Deal_Name&page=9')).status).toBe(204);
  });

  it('reads one record with Locked__s, $approval_state, Owner and times', async () => {
    const answer = await call(emulator, 'GET', `/Deals/${deals.soylentApproval}`);
    expect(answer.json.data[0]).toMatchObject({
      id: deals.soylentApproval,
      Deal_Name: 'Soylent discount',
      Locked__s: false,
      $approval_state: 'approval_process_pending',
      Owner: { name: 'Rita Rep', id: SEED.users.rep, email: 'rep@example.com' },
      Created_Time: '2026-01-05T09:00:00-05:00',
      Modified_Time: '2026-01-05T09:00:00-05:00',
    });
    const locked = await call(emulator, 'GET', `/Deals/${deals.initechClosedWon}`);
    expect(locked.json.data[0].Locked__s).toBe(true);
  });
});

describe('PUT records', () => {
  it('updates an unlocked record with Zoho\'s "record updated" envelope', async () => {
    const answer = await put(deals.acmeRenewal, { Amount: 50000 });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      data: [
        {
          code: 'SUCCESS',
          details: {
            Modified_Time: '2026-02-01T10:00:00-05:00',
            Modified_By: { name: 'Rita Rep', id: SEED.users.rep },
            Created_Time: '2026-01-05T09:00:00-05:00',
            id: deals.acmeRenewal,
            Created_By: { name: 'Rita Rep', id: SEED.users.rep },
          },
          message: 'record updated',
          status: 'success',
        },
      ],
    });
  });

  it('answers RECORD_LOCKED record_locking for a change to a locked record', async () => {
    const answer = await put(deals.hooliPricing, { Amount: 1 });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      data: [
        {
          code: 'RECORD_LOCKED',
          details: { action: 'record_locking', id: deals.hooliPricing },
          message: 'Sorry, you cannot perform this operation as the record is locked.',
          status: 'error',
        },
      ],
    });
  });

  it('lets excluded fields change on a locked record', async () => {
    const answer = await put(deals.hooliPricing, { Description: 'Waiting for legal', Next_Step: 'Call Friday' });
    expect(answer.json.data[0].code).toBe('SUCCESS');
  });

  it('lets an excluded profile (Administrator) change a locked Deal', async () => {
    const answer = await put(deals.hooliPricing, { Amount: 1 }, '1000.demo.admin');
    expect(answer.json.data[0].code).toBe('SUCCESS');
  });

  it.each([
    ['approval_process_pending', deals.soylentApproval, 'NOT_APPROVED', { id: deals.soylentApproval }],
    ['zia processing', deals.starkImages, 'RECORD_LOCKED', { id: deals.starkImages, action: 'zia_vision_processing' }],
  ])('refuses a record in %s', async (_state, recordId, code, details) => {
    const answer = await put(recordId, { Amount: 1 });
    expect(answer.status).toBe(400);
    expect(answer.json.data[0]).toMatchObject({ code, details, status: 'error' });
  });

  it('answers 412 ALREADY_MODIFIED when the record changed after If-Unmodified-Since', async () => {
    const before = '2026-02-01T09:30:00-05:00';
    await put(deals.acmeRenewal, { Amount: 1 });
    const answer = await put(deals.acmeRenewal, { Amount: 2 }, '1000.demo.manager', { 'If-Unmodified-Since': before });
    expect(answer.status).toBe(412);
    expect(answer.json.data[0]).toMatchObject({
      code: 'ALREADY_MODIFIED',
      message: 'Record updated time has already passed if-unmodified-since time',
    });
    const fresh = await put(deals.acmeRenewal, { Amount: 3 }, '1000.demo.manager', { 'If-Unmodified-Since': '2026-02-01T10:00:00-05:00' });
    expect(fresh.status).toBe(200);
  });

  it('locks a record automatically when a change matches a rule, and answers per record in bulk', async () => {
    const answer = await call(emulator, 'PUT', '/Deals', {
      body: { data: [{ id: deals.globexExpansion, Stage: 'Closed Won' }, { id: deals.hooliPricing, Amount: 9 }] },
    });
    expect(answer.status).toBe(207);
    expect(answer.json.data.map((r: { code: string }) => r.code)).toEqual(['SUCCESS', 'RECORD_LOCKED']);
    const lock = await call(emulator, 'GET', `/Deals/${deals.globexExpansion}/Locking_Information__s?fields=Lock_Source__s,Locked_By__s,Locked_Reason__s,Record_Locking_Rule_Id__s`);
    expect(lock.json.data[0]).toMatchObject({
      Lock_Source__s: 'Automatic',
      Locked_By__s: null,
      Locked_Reason__s: null,
      Record_Locking_Rule_Id__s: SEED.rules.closedWonDeals,
    });
  });

  it('answers INVALID_DATA per record for an unknown id', async () => {
    const answer = await call(emulator, 'PUT', '/Deals', { body: { data: [{ id: '5843104000000999999', Amount: 1 }] } });
    expect(answer.status).toBe(400);
    expect(answer.json.data[0]).toEqual({
      code: 'INVALID_DATA',
      details: { id: '5843104000000999999' },
      message: 'the id given seems to be invalid',
      status: 'error',
    });
  });
});

describe('POST records (insert)', () => {
  it('inserts (201) and locks a new record that matches a rule', async () => {
    const answer = await call(emulator, 'POST', '/Deals', {
      body: { data: [{ Deal_Name: 'Massive Dynamic', Stage: 'Closed Won', Amount: 1 }] },
    });
    expect(answer.status).toBe(201);
    expect(answer.json.data[0]).toMatchObject({ code: 'SUCCESS', message: 'record added', status: 'success' });
    const id = answer.json.data[0].details.id;
    const lock = await call(emulator, 'GET', `/Deals/${id}/Locking_Information__s?fields=Lock_Source__s`);
    expect(lock.json.data[0].Lock_Source__s).toBe('Automatic');
  });

  it('answers MANDATORY_NOT_FOUND for a missing mandatory field', async () => {
    const answer = await call(emulator, 'POST', '/Deals', { body: { data: [{ Deal_Name: 'No stage' }] } });
    expect(answer.status).toBe(400);
    expect(answer.json.data[0]).toMatchObject({
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: 'Stage', json_path: '$.data[0].Stage' },
    });
  });
});

describe('DELETE records', () => {
  it('refuses deleting a locked Deal (delete is restricted) and deletes an unlocked one', async () => {
    const locked = await call(emulator, 'DELETE', `/Deals/${deals.hooliPricing}`);
    expect(locked.json.data[0].code).toBe('RECORD_LOCKED');
    const open = await call(emulator, 'DELETE', `/Deals/${deals.wayneClosedLost}`);
    expect(open.json.data[0]).toMatchObject({ code: 'SUCCESS', message: 'record deleted' });
    expect((await call(emulator, 'GET', `/Deals/${deals.wayneClosedLost}`)).status).toBe(204);
  });
});
