import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { crmUrl } from './crm-url';
import { readAnswer } from './zoho-errors';

const fieldsAnswer = z.object({
  fields: z.array(z.object({ api_name: z.string(), length: z.nullish(z.number()) })),
});

/** Reading the lock reason's length from field metadata. */
export interface FieldCalls {
  /** Maximum length of Locked_Reason__s; null when the metadata does not say. */
  getReasonMaxLength(): Promise<number | null>;
}

/** Field metadata of Locking_Information__s, over the org connection. */
export function fieldCalls({ host, apiDomain }: CrmOptions): FieldCalls {
  return {
    async getReasonMaxLength() {
      const url = crmUrl(apiDomain, ['settings', 'fields'], { module: 'Locking_Information__s' });
      const request = { connection: 'org', method: 'GET', url } as const;
      const answer = await host.request(request);
      if (answer.body === undefined) return null;
      const parsed = readAnswer(answer.body, fieldsAnswer, request);
      const length = parsed.fields.find((field) => field.api_name === 'Locked_Reason__s')?.length;
      return typeof length === 'number' && Number.isInteger(length) && length > 0 ? length : null;
    },
  };
}
