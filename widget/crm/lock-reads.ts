import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { locksUrl } from './crm-url';
import type { Lock, RecordRef } from './types';
import { dataOf, idName, readAnswer } from './zoho-errors';

/** Reading a record's lock: what every view needs first. */
export interface LockReads {
  /** The record's active lock, or null when it is not locked (Zoho's 204). */
  getLock(record: RecordRef): Promise<Lock | null>;
}

// `fields` is mandatory (Zoho's docs): ask for what toLock reads, nothing more.
const lockFields = ['Locked_Reason__s', 'Lock_Source__s', 'Locked_Time__s', 'Locked_By__s', 'Record_Locking_Rule_Id__s'].join(',');

const nullableString = z.nullish(z.string());

const lockSchema = z.object({
  id: z.string(),
  Locked_Reason__s: nullableString,
  Lock_Source__s: z.enum(['Manual', 'Automatic', 'Both']),
  Locked_Time__s: z.string(),
  Locked_By__s: z.nullish(idName),
  Record_Locking_Rule_Id__s: nullableString,
  $editable: z.nullish(z.boolean()),
});

const getLockAnswer = dataOf(lockSchema);

/** The lock read, over the user's own connection. */
export function lockReads({ host, apiDomain }: CrmOptions): LockReads {
  return {
    async getLock(record) {
      const url = `${locksUrl(apiDomain, record)}?fields=${lockFields}`;
      const request = { connection: 'user', method: 'GET', url } as const;
      const answer = await host.request(request);
      // 204 (not locked) reaches us as an undefined body.
      if (answer.body === undefined) return null;
      const lock = readAnswer(answer.body, getLockAnswer, request).data[0];
      return lock ? toLock(lock) : null;
    },
  };
}

function toLock(lock: z.infer<typeof lockSchema>): Lock {
  return {
    id: lock.id,
    reason: lock.Locked_Reason__s ?? null,
    source: lock.Lock_Source__s,
    lockedAt: lock.Locked_Time__s,
    lockedBy: lock.Locked_By__s ?? null,
    ruleId: lock.Record_Locking_Rule_Id__s ?? null,
    editable: lock.$editable ?? null,
  };
}
