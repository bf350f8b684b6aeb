import { describe, expect, it } from 'vitest';
import { createCrm, type Crm } from '../../support/all-calls';
import { CrmError } from '../../../widget/crm/crm-error';
import { AnswerNotUnderstood, readAnswer } from '../../../widget/crm/zoho-errors';
import * as z from '../../../widget/host/zod';
import { HostError } from '../../../widget/host/host';
import { apiDomain, fixtureHost } from './fixture-host';

const deal = { module: 'Deals', recordId: '5843104000000410001' };
const lockId = '5843104000000420003';
const topLevel = (code: string, message: string, details: Record<string, unknown> = {}) => ({ code, details, message, status: 'error' });
const itemLevel = (code: string, message: string, details: Record<string, unknown> = {}) => ({ data: [topLevel(code, message, details)] });

type Call = (crm: Crm) => Promise<unknown>;
const lock: Call = (crm) => crm.lock(deal, 'Audit');
const updateReason: Call = (crm) => crm.updateReason(deal, lockId, 'Audit');
const unlock: Call = (crm) => crm.unlock(deal, lockId);
const getLock: Call = (crm) => crm.getLock(deal);
const getConfiguration: Call = (crm) => crm.getLockingConfiguration('Deals');
const getRecord: Call = (crm) => crm.getRecord(deal);

describe('Crm turns Zoho error answers into CrmError', () => {
  it.each<[string, Call, unknown, string, Record<string, unknown>]>([
    ['lock, already locked', lock, topLevel('NOT_ALLOWED', 'record is already locked'), 'NOT_ALLOWED', {}],
    [
      'lock, automatic locking only',
      lock,
      topLevel('NOT_ALLOWED', 'record cannot be locked, only automatic locking is configured'),
      'NOT_ALLOWED',
      {},
    ],
    [
      'getLock, no configuration',
      getLock,
      topLevel('NOT_ALLOWED', 'Required Record Locking Configuration is not present', { resource_path_index: 2 }),
      'NOT_ALLOWED',
      { resource_path_index: 2 },
    ],
    [
      'unlock, automatic lock',
      unlock,
      topLevel('NOT_ALLOWED', 'Automatically locked records can not be unlocked manually'),
      'NOT_ALLOWED',
      {},
    ],
    ['unlock, no permission', unlock, topLevel('NO_PERMISSION', 'You do not have permission to unlock this record'), 'NO_PERMISSION', {}],
    [
      'configuration, no Customize permission',
      getConfiguration,
      topLevel('NO_PERMISSION', 'permission denied', { permissions: ['Crm_Implied_Customize_Zoho_CRM'] }),
      'NO_PERMISSION',
      { permissions: ['Crm_Implied_Customize_Zoho_CRM'] },
    ],
    ['updateReason, lock gone', updateReason, topLevel('INVALID_DATA', 'relation not found'), 'INVALID_DATA', {}],
    [
      'getLock, bad record id',
      getLock,
      topLevel('INVALID_DATA', 'the related id given seems to be invalid', { resource_path_index: 1 }),
      'INVALID_DATA',
      { resource_path_index: 1 },
    ],
    [
      'lock, reason missing (item-level)',
      lock,
      itemLevel('MANDATORY_NOT_FOUND', 'required field not found', {
        api_name: 'Locked_Reason__s',
        json_path: '$.data[0].Locked_Reason__s',
      }),
      'MANDATORY_NOT_FOUND',
      { api_name: 'Locked_Reason__s', json_path: '$.data[0].Locked_Reason__s' },
    ],
    [
      'updateReason, reason missing (item-level)',
      updateReason,
      itemLevel('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Locked_Reason__s' }),
      'MANDATORY_NOT_FOUND',
      { api_name: 'Locked_Reason__s' },
    ],
    [
      'lock, Zia processing the images',
      lock,
      topLevel('RECORD_LOCKED', 'Cannot update record that is not approved yet', {
        id: deal.recordId,
        action: 'zia_vision_processing',
      }),
      'RECORD_LOCKED',
      { id: deal.recordId, action: 'zia_vision_processing' },
    ],
    [
      'getRecord, locked record',
      getRecord,
      topLevel('RECORD_LOCKED', 'Sorry, you cannot perform this operation as the record is locked.', {
        action: 'record_locking',
        id: deal.recordId,
      }),
      'RECORD_LOCKED',
      { action: 'record_locking', id: deal.recordId },
    ],
    ['lock, awaiting approval', lock, topLevel('NOT_APPROVED', 'record not approved', { id: deal.recordId }), 'NOT_APPROVED', { id: deal.recordId }],
  ])('%s', async (_case, call, answer, code, details) => {
    const { host } = fixtureHost(answer);
    const failure = call(createCrm({ host, apiDomain }));
    await expect(failure).rejects.toBeInstanceOf(CrmError);
    await expect(failure).rejects.toMatchObject({ code, details });
  });

  it('names the call Zoho refused, for the scope it lacks', async () => {
    const { host } = fixtureHost(topLevel('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'));
    await expect(updateReason(createCrm({ host, apiDomain }))).rejects.toMatchObject({
      code: 'OAUTH_SCOPE_MISMATCH',
      call: { connection: 'user', method: 'PUT', path: '/crm/v8/Deals/{id}/Locking_Information__s/{id}' },
    });
  });

  it('keeps Zoho message on the error for the log, beside the code', async () => {
    const { host } = fixtureHost(topLevel('NOT_ALLOWED', 'record is already locked'));
    await expect(lock(createCrm({ host, apiDomain }))).rejects.toMatchObject({ message: 'record is already locked' });
  });
});

describe('Crm rejects answers that are neither success nor a Zoho error', () => {
  it.each<[string, Call, unknown]>([
    ['text from a proxy', getLock, 'Bad Gateway'],
    ['an error without a code', unlock, { status: 'error', message: 'failed' }],
    ['a lock without its time', getLock, { data: [{ id: lockId, Lock_Source__s: 'Manual' }] }],
    ['a lock with a numeric id', getLock, { data: [{ id: 5843104000000420003, Lock_Source__s: 'Manual', Locked_Time__s: 'x' }] }],
    ['a created lock without details', lock, { data: [{ code: 'SUCCESS', message: 'record added', status: 'success' }] }],
    ['an empty success list', unlock, { data: [] }],
    ['null for a record', getRecord, null],
  ])('%s -> HostError malformed', async (_case, call, answer) => {
    const { host } = fixtureHost(answer);
    await expect(call(createCrm({ host, apiDomain }))).rejects.toEqual(
      expect.objectContaining({ name: 'HostError', kind: 'malformed' }),
    );
  });

  it.each<[string, Call, unknown, string, string | null]>([
    ['a lock without its time', getLock, { data: [{ id: lockId, Lock_Source__s: 'Manual' }] }, 'GET /crm/v8/Deals/{id}/Locking_Information__s', null],
    ['a created lock without its id', lock, { data: [{ code: 'SUCCESS', details: {}, message: 'record added', status: 'success' }] }, 'POST /crm/v8/Deals/{id}/Locking_Information__s', 'SUCCESS'],
    ['an unlock answered with an unknown status', unlock, { code: 'ODD', details: {}, message: 'odd', status: 'pending' }, 'DELETE /crm/v8/Deals/{id}/Locking_Information__s/{id}', 'ODD'],
    ['an empty list for a record', getRecord, { data: [] }, 'GET /crm/v8/Deals/{id}', null],
  ])('names the call and Zoho’s code of %s, with no id in it', async (_case, call, answer, named, code) => {
    const { host } = fixtureHost(answer);
    const failure = call(createCrm({ host, apiDomain }));
    await expect(failure).rejects.toBeInstanceOf(AnswerNotUnderstood);
    await expect(failure).rejects.toMatchObject({ kind: 'malformed', call: named, code });
  });

  it('passes host failures through unchanged', async () => {
    const failure = new HostError('timeout', 'no answer');
    const { host } = fixtureHost();
    host.request = () => Promise.reject(failure);
    await expect(getLock(createCrm({ host, apiDomain }))).rejects.toBe(failure);
  });
});

describe('readAnswer', () => {
  const anything = z.unknown();

  it('hands over a success answer', () => {
    const answer = { data: [{ code: 'SUCCESS', details: { id: '1' }, message: 'relation removed', status: 'success' }] };
    expect(readAnswer(answer, anything, 'DELETE a relation')).toEqual(answer);
  });

  it('throws an item-level error found in any list of the answer', () => {
    const answer = { record_locking_configurations: [topLevel('INVALID_DATA', 'invalid data', { api_name: 'lock_type' })] };
    expect(() => readAnswer(answer, anything, 'GET the configuration')).toThrow(expect.objectContaining({ code: 'INVALID_DATA', details: { api_name: 'lock_type' } }));
  });
});
