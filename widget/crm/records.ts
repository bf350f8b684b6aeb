import * as z from '../host/zod';
import type { Crm, CrmOptions } from './crm';
import { CrmError, isZiaHold } from './crm-error';
import { checkId, checkModule, crmUrl } from './crm-url';
import type { RecordHold } from './types';
import { firstItem, readAnswer } from './zoho-errors';
import { dataOf } from './zoho-schemas';

const recordSchema = z.looseObject({
  id: z.string(),
  $approval_state: z.nullish(z.string()),
});

const recordAnswer = dataOf(recordSchema);

const holds: Record<string, RecordHold> = {
  approval_process_pending: 'awaiting_approval',
  approval_process_rejected: 'approval_rejected',
};

/** The record itself, read over the user's connection: whether something other than a lock holds it. */
export function recordCalls({ host, apiDomain }: CrmOptions): Pick<Crm, 'getRecord'> {
  return {
    async getRecord({ module, recordId }) {
      const url = crmUrl(apiDomain, [checkModule(module), checkId(recordId)]);
      const answer = await host.request({ connection: 'user', method: 'GET', url });
      try {
        // Zoho answers 204 for a record that no longer exists.
        if (answer.body === undefined) throw new CrmError('INVALID_DATA', 'record not found', { id: recordId });
        const record = firstItem(readAnswer(answer.body, recordAnswer, 'getRecord').data, 'getRecord');
        return { id: record.id, hold: holdOf(record) };
      } catch (error) {
        if (isZiaHold(error)) {
          return { id: recordId, hold: 'zia_vision_processing' };
        }
        throw error;
      }
    },
  };
}

function holdOf(record: z.infer<typeof recordSchema>): RecordHold {
  const approval = record.$approval_state ? holds[record.$approval_state] : undefined;
  if (approval) return approval;
  // `$zia_visions` is null unless Zia is still processing the record's images.
  return record.$zia_visions === true ? 'zia_vision_processing' : 'none';
}
