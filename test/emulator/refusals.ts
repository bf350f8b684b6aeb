/**
 * Refused calls as rows of data: the call, and Zoho's whole answer (status and envelope). Each
 * row is checked in full, and a refused call must leave the org as it was.
 */
import { expect } from 'vitest';
import type { Emulator } from '../../server/emulator';
import { call, type CallOptions } from './call';

export interface ZohoErrorItem {
  code: string;
  details: Record<string, unknown>;
  message: string;
  status: 'error';
}

/** Zoho's top-level error envelope. */
export const zohoError = (code: string, message: string, details: Record<string, unknown> = {}): ZohoErrorItem => ({
  code,
  details,
  message,
  status: 'error',
});

/** A field-level error, wrapped in the resource's array (`data`, `record_locking_configurations`). */
export const itemError = (wrapper: string, code: string, message: string, details: Record<string, unknown>) => ({
  [wrapper]: [zohoError(code, message, details)],
});

export interface Refusal {
  /** The behaviour, as the test states it. */
  name: string;
  method: string;
  path: string;
  options?: CallOptions;
  /** Calls made first, whose effect the refused call then meets (e.g. an earlier unlock). */
  arrange?: (emulator: Emulator) => Promise<unknown>;
  status: number;
  json: unknown;
}

/** A refused configuration change may use up an id, as Zoho's own ids have gaps; nobody can see it. */
const visibleState = (emulator: Emulator) => ({ ...(emulator.snapshot() as Record<string, unknown>), nextId: 0 });

export const expectRefusal = async (emulator: Emulator, refusal: Refusal): Promise<void> => {
  await refusal.arrange?.(emulator);
  const before = visibleState(emulator);
  const answer = await call(emulator, refusal.method, refusal.path, refusal.options);
  expect({ status: answer.status, json: answer.json }).toEqual({ status: refusal.status, json: refusal.json });
  expect(visibleState(emulator)).toEqual(before);
};

/** Rows for `it.each(...)('%s', ...)`: the test is named by the whole behaviour, untruncated. */
export const byName = (refusals: readonly Refusal[]): (readonly [string, Refusal])[] => refusals.map((r) => [r.name, r] as const);
