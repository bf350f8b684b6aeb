import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { locksUrl } from './crm-url';
import type { Lock, RecordRef } from './types';
import { dataOf, firstItem, idName, readAnswer } from './zoho-errors';

/** The changes of a record's lock, over the user's own connection so Zoho records the real person. */
export interface LockWrites {
  /**
   * Locks the record; resolves with the new lock's id and the lock built from Zoho's answer (no
   * second GET), or null for it when Zoho confirmed the lock with its id alone (its OpenAPI files
   * allow that answer): the caller then reads the lock to show it.
   */
  lock(record: RecordRef, reason: string): Promise<NewLock>;
  /** Replaces the reason of a manual lock. */
  updateReason(record: RecordRef, lockId: string, reason: string): Promise<void>;
  unlock(record: RecordRef, lockId: string): Promise<void>;
}

export interface NewLock {
  id: string;
  lock: Lock | null;
}

const createdAnswer = dataOf(
  z.object({ details: z.object({ id: z.string(), Created_Time: z.optional(z.string()), Created_By: z.optional(idName) }) }),
);
const changedAnswer = dataOf(z.object({ details: z.object({ id: z.string() }) }));

const body = (reason: string) => ({ data: [{ Locked_Reason__s: reason }] });

/** @example lockWrites({ host, apiDomain }).unlock({ module: 'Deals', recordId }, lockId) */
export function lockWrites({ host, apiDomain }: CrmOptions): LockWrites {
  return {
    async lock(record, reason) {
      const url = locksUrl(apiDomain, record);
      const request = { connection: 'user', method: 'POST', url, body: body(reason) } as const;
      const answer = await host.request(request);
      const { details } = firstItem(readAnswer(answer.body, createdAnswer, request).data, request);
      const { id, Created_Time: lockedAt, Created_By: lockedBy } = details;
      return { id, lock: lockedAt && lockedBy ? { id, reason, source: 'Manual', lockedAt, lockedBy, ruleId: null, editable: null } : null };
    },
    async updateReason(record, lockId, reason) {
      const url = locksUrl(apiDomain, record, lockId);
      const request = { connection: 'user', method: 'PUT', url, body: body(reason) } as const;
      firstItem(readAnswer((await host.request(request)).body, changedAnswer, request).data, request);
    },
    async unlock(record, lockId) {
      const url = locksUrl(apiDomain, record, lockId);
      const request = { connection: 'user', method: 'DELETE', url } as const;
      firstItem(readAnswer((await host.request(request)).body, changedAnswer, request).data, request);
    },
  };
}
