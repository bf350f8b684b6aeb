import { beforeEach, describe, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import type { CallOptions } from './call';
import { byName, expectRefusal, zohoError, type Refusal } from './refusals';

const NOW = new Date('2026-02-01T15:00:00Z');
const { deals } = SEED;
const lockPath = (recordId: string): string => `/Deals/${recordId}/Locking_Information__s`;
const MALFORMED_IDS = ['not-an-id', '58431040000004200O3', '-1'];
/** GET names the malformed by-id URL; PUT and DELETE name the lock id (segment 3) as invalid. */
const URL_PATTERN = zohoError('INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one');
const INVALID_LOCK_ID = zohoError('INVALID_DATA', 'the id given seems to be invalid', { resource_path_index: 3 });

const RECORDS = [
  ['a manually locked record', deals.hooliPricing],
  ['an automatically locked record', deals.initechClosedWon],
  ['an unlocked record', deals.acmeRenewal],
] as const;

const VALID_BODY: CallOptions = { body: { data: [{ Locked_Reason__s: 'Waiting for legal' }] } };
/** A malformed lock id is reported as such whatever the body; a body error must not come first. */
const BODIES: readonly (readonly [string, CallOptions])[] = [
  ['a valid reason', VALID_BODY],
  ['a blank reason', { body: { data: [{ Locked_Reason__s: '   ' }] } }],
  ['no data array', { body: {} }],
  ['a body that is not JSON', { rawBody: '{"data":', headers: { 'content-type': 'application/json' } }],
  ['no body', {}],
];

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ now: () => NOW });
});

/** The refusal a malformed id earns: INVALID_URL_PATTERN for GET, INVALID_DATA at index 3 for PUT and DELETE. */
const refusal = (name: string, method: string, recordId: string, lockId: string, options?: CallOptions): Refusal => ({
  name: `${method} ${name}`,
  method,
  path: `${lockPath(recordId)}/${lockId}`,
  options,
  ...(method === 'GET' ? { status: 404, json: URL_PATTERN } : { status: 400, json: INVALID_LOCK_ID }),
});

describe('a malformed lock id in Locking_Information__s/{id}', () => {
  const refusals: Refusal[] = [
    ...MALFORMED_IDS.flatMap((lockId) => [
      refusal(`answers INVALID_URL_PATTERN 404 for ${lockId}`, 'GET', deals.hooliPricing, lockId),
      refusal(`answers INVALID_DATA at index 3 for ${lockId}`, 'PUT', deals.hooliPricing, lockId, VALID_BODY),
      refusal(`answers INVALID_DATA at index 3 for ${lockId}`, 'DELETE', deals.hooliPricing, lockId),
    ]),
    ...RECORDS.flatMap(([record, recordId]) => [
      refusal(`answers INVALID_URL_PATTERN 404 on ${record}`, 'GET', recordId, 'not-an-id'),
      ...BODIES.map(([body, options]) =>
        refusal(`with ${body} answers INVALID_DATA at index 3 on ${record}`, 'PUT', recordId, 'not-an-id', options),
      ),
      refusal(`answers INVALID_DATA at index 3 on ${record}`, 'DELETE', recordId, 'not-an-id'),
    ]),
  ];

  it.each(byName(refusals))('%s', (_name, row) => expectRefusal(emulator, row));

  it.each(['GET', 'PUT', 'DELETE'])('%s answers INVALID_URL_PATTERN 404 for a lock id followed by another segment', (method) =>
    expectRefusal(emulator, {
      name: method,
      method,
      path: `${lockPath(deals.hooliPricing)}/not-an-id/extra`,
      options: method === 'PUT' ? VALID_BODY : {},
      status: 404,
      json: URL_PATTERN,
    }),
  );
});
