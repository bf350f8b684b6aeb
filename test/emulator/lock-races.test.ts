import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import type { EmulatorState } from '../../server/emulator/state';
import { call } from './call';
import { heldRequest } from './held-request';

const NOW = new Date('2026-02-01T15:00:00Z');
const { deals } = SEED;
const lockPath = (recordId: string): string => `/Deals/${recordId}/Locking_Information__s`;
const hooliLock = `${lockPath(deals.hooliPricing)}/${SEED.locks.hooliPricing}`;
const reasonBody = (reason: string) => ({ data: [{ Locked_Reason__s: reason }] });
const RELATION_NOT_FOUND = { code: 'INVALID_DATA', details: {}, message: 'relation not found', status: 'error' };

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => NOW });
});

const locksOf = (recordId: string) => (emulator.snapshot() as EmulatorState).locks.filter((l) => l.recordId === recordId);

describe('lock calls whose body arrives after another call changed the org', () => {
  it('answers "relation not found" to a reason edit whose lock was removed meanwhile, and leaves the record unlocked', async () => {
    const held = heldRequest('PUT', hooliLock, reasonBody('late edit'));
    const answering = emulator.handle(held.request);
    expect((await call(emulator, 'DELETE', hooliLock)).status).toBe(200);
    held.release();
    const answer = await answering;
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual(RELATION_NOT_FOUND);
    expect(locksOf(deals.hooliPricing)).toEqual([]);
  });

  it.each([
    [
      'the configuration was deleted',
      `/settings/record_locking_configurations/${SEED.configurations.deals}?module=Deals`,
      {
        status: 400,
        body: {
          code: 'NOT_ALLOWED',
          details: { resource_path_index: 2 },
          message: 'Required Record Locking Configuration is not present',
          status: 'error',
        },
      },
    ],
    ['the record was deleted', `/Deals/${deals.acmeRenewal}`, { status: 400, body: RELATION_NOT_FOUND }],
  ])('refuses a lock when %s meanwhile, and stores no lock', async (_case, deletedPath, expected) => {
    const held = heldRequest('POST', lockPath(deals.acmeRenewal), reasonBody('late lock'));
    const answering = emulator.handle(held.request);
    expect((await call(emulator, 'DELETE', deletedPath, { token: '1000.demo.admin' })).status).toBe(200);
    held.release();
    const answer = await answering;
    expect({ status: answer.status, body: await answer.json() }).toEqual(expected);
    expect(locksOf(deals.acmeRenewal)).toEqual([]);
  });

  it('refuses the second of two locks whose bodies arrive together', async () => {
    const first = heldRequest('POST', lockPath(deals.acmeRenewal), reasonBody('first'));
    const second = heldRequest('POST', lockPath(deals.acmeRenewal), reasonBody('second'), '1000.demo.manager');
    const answers = [emulator.handle(first.request), emulator.handle(second.request)];
    first.release();
    second.release();
    const [won, lost] = await Promise.all(answers);
    expect(won?.status).toBe(201);
    expect(lost?.status).toBe(403);
    expect(locksOf(deals.acmeRenewal)).toMatchObject([{ reason: 'first', source: 'Manual' }]);
  });
});
