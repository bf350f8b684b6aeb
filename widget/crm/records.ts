import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { CrmError, isZiaHold } from './crm-error';
import { checkId, checkModule, crmUrl } from './crm-url';
import type { RecordHold, RecordRef, RecordSummary } from './types';
import { dataOf, firstItem, readAnswer } from './zoho-errors';

const recordSchema = z.looseObject({
  id: z.string(),
  $approval_state: z.nullish(z.string()),
});

const recordAnswer = dataOf(recordSchema);
const ownerSchema = z.object({ id: z.string(), name: z.string() });

const holds: Record<string, RecordHold> = {
  approval_process_pending: 'awaiting_approval',
  approval_process_rejected: 'approval_rejected',
};

/** Reading the record itself. */
export interface RecordCalls {
  /** The record's name, owner, and whether it is held for approval or Zia processing. */
  getRecord(record: RecordRef): Promise<RecordSummary>;
}

/** The record itself, read over the user's connection: whether something other than a lock holds it. */
export function recordCalls({ host, apiDomain }: CrmOptions): RecordCalls {
  return {
    async getRecord({ module, recordId }) {
      const url = crmUrl(apiDomain, [checkModule(module), checkId(recordId)]);
      const request = { connection: 'user', method: 'GET', url } as const;
      const answer = await host.request(request);
      try {
        // Zoho answers 204 for a record that no longer exists.
        if (answer.body === undefined) throw new CrmError('INVALID_DATA', 'record not found', { id: recordId });
        const record = firstItem(readAnswer(answer.body, recordAnswer, request).data, request);
        const name = nameOf(record);
        // The owner comes with the record at no extra call; an unexpected shape only leaves it unknown.
        const owner = ownerSchema.safeParse(record['Owner']);
        return { id: record.id, hold: holdOf(record), ...(name ? { name } : {}), ...(owner.success ? { owner: owner.data } : {}) };
      } catch (error) {
        if (isZiaHold(error)) {
          return { id: recordId, hold: 'zia_vision_processing' };
        }
        throw error;
      }
    },
  };
}

/** The fields that name a record in Zoho's standard modules; custom modules use Name. */
const NAME_FIELDS = ['Deal_Name', 'Account_Name', 'Full_Name', 'Subject', 'Product_Name', 'Solution_Title', 'Vendor_Name', 'Price_Book_Name', 'Case_Number', 'Name', 'Last_Name'];

function nameOf(record: z.infer<typeof recordSchema>): string | undefined {
  const values = record as Record<string, unknown>;
  const found = NAME_FIELDS.map((field) => values[field]).find((value) => typeof value === 'string' && value.trim() !== '');
  return typeof found === 'string' ? found : undefined;
}

function holdOf(record: z.infer<typeof recordSchema>): RecordHold {
  const approval = record.$approval_state ? holds[record.$approval_state] : undefined;
  if (approval) return approval;
  // `$zia_visions` is null unless Zia is still processing the record's images.
  return record.$zia_visions === true ? 'zia_vision_processing' : 'none';
}
