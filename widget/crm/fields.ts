import * as z from '../host/zod';
import type { Crm, CrmOptions } from './crm';
import { crmUrl } from './crm-url';
import { readAnswer } from './zoho-errors';

/** Safe under both limits Zoho states for the reason (2000 for small text areas, 3000 in the OAS). */
export const defaultReasonMaxLength = 2000;

const fieldsAnswer = z.object({
  fields: z.array(z.object({ api_name: z.string(), length: z.nullish(z.number()) })),
});

/** Field metadata of Locking_Information__s, over the org connection. */
export function fieldCalls({ host, apiDomain }: CrmOptions): Pick<Crm, 'getReasonMaxLength'> {
  return {
    async getReasonMaxLength() {
      const url = crmUrl(apiDomain, ['settings', 'fields'], { module: 'Locking_Information__s' });
      const answer = await host.request({ connection: 'org', method: 'GET', url });
      if (answer.body === undefined) return defaultReasonMaxLength;
      const parsed = readAnswer(answer.body, fieldsAnswer, 'getReasonMaxLength');
      const length = parsed.fields.find((field) => field.api_name === 'Locked_Reason__s')?.length;
      return typeof length === 'number' && Number.isInteger(length) && length > 0 ? length : defaultReasonMaxLength;
    },
  };
}
