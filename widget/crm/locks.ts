import * as z from '../host/zod';
import type { Crm, CrmOptions } from './crm';
import { checkId, checkModule, crmUrl } from './crm-url';
import type { Lock, RecordRef } from './types';
import { firstItem, readAnswer } from './zoho-errors';
import { dataOf, idName } from './zoho-schemas';

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
const createdAnswer = dataOf(z.object({ details: z.object({ id: z.string(), Created_Time: z.string(), Created_By: idName }) }));
const changedAnswer = dataOf(z.object({ details: z.object({ id: z.string() }) }));

/** The record's Locking_Information__s calls, over the user's own connection so Zoho records the real person. */
export function lockCalls({ host, apiDomain }: CrmOptions): Pick<Crm, 'getLock' | 'lock' | 'updateReason' | 'unlock'> {
  const locksUrl = ({ module, recordId }: RecordRef, lockId?: string) =>
    crmUrl(apiDomain, [
      checkModule(module),
      checkId(recordId),
      'Locking_Information__s',
      ...(lockId === undefined ? [] : [checkId(lockId)]),
    ]);
  const body = (reason: string) => ({ data: [{ Locked_Reason__s: reason }] });

  return {
    async getLock(record) {
      const url = `${locksUrl(record)}?fields=${lockFields}`;
      const answer = await host.request({ connection: 'user', method: 'GET', url });
      // 204 (not locked) reaches us as an undefined body.
      if (answer.body === undefined) return null;
      const lock = readAnswer(answer.body, getLockAnswer, 'getLock').data[0];
      return lock ? toLock(lock) : null;
    },
    async lock(record, reason) {
      const url = locksUrl(record);
      const answer = await host.request({ connection: 'user', method: 'POST', url, body: body(reason) });
      const { details } = firstItem(readAnswer(answer.body, createdAnswer, 'lock').data, 'lock');
      return {
        id: details.id,
        reason,
        source: 'Manual',
        lockedAt: details.Created_Time,
        lockedBy: details.Created_By,
        ruleId: null,
        editable: null,
      };
    },
    async updateReason(record, lockId, reason) {
      const url = locksUrl(record, lockId);
      const answer = await host.request({ connection: 'user', method: 'PUT', url, body: body(reason) });
      firstItem(readAnswer(answer.body, changedAnswer, 'updateReason').data, 'updateReason');
    },
    async unlock(record, lockId) {
      const url = locksUrl(record, lockId);
      const answer = await host.request({ connection: 'user', method: 'DELETE', url });
      firstItem(readAnswer(answer.body, changedAnswer, 'unlock').data, 'unlock');
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
