import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { crmUrl } from './crm-url';
import { readAnswer } from './zoho-errors';

/**
 * What the org's Tasks picklists let an unlock request send. Zoho shows and takes a value's
 * `display_value`, which an administrator may rename, while its `actual_value` stays (Kaizen #205):
 * so the values are found by their actual value and sent by their display value.
 */
export interface TaskChoices {
  /** The display value of the status whose actual value is "Completed"; null when the org has none. */
  completed: string | null;
  /** The display value of the priority whose actual value is "High"; null: Priority is left to the org's default. */
  high: string | null;
}

const picklistValue = z.object({
  display_value: z.string(),
  actual_value: z.nullish(z.string()),
  type: z.nullish(z.string()),
});
const fieldsAnswer = z.object({
  fields: z.array(z.object({ api_name: z.string(), pick_list_values: z.nullish(z.array(picklistValue)) })),
});
type Field = z.infer<typeof fieldsAnswer>['fields'][number];

/** The display value of `field`'s entry whose actual value is `actual`, among the values a layout uses. */
function displayOf(fields: Field[], field: string, actual: string): string | null {
  const values = fields.find((candidate) => candidate.api_name === field)?.pick_list_values ?? [];
  // A value no layout uses (`type` "unused") is refused on insert and update; an answer without keys is taken as it is.
  const found = values.find((value) => value.type !== 'unused' && (value.actual_value ?? value.display_value) === actual);
  return found?.display_value ?? null;
}

/** Reading the Tasks picklists, over the org connection (field metadata needs `ZohoCRM.settings.fields.READ`). */
export interface TaskFieldCalls {
  getTaskChoices(): Promise<TaskChoices>;
}

/** @example taskFieldCalls({ host, apiDomain }).getTaskChoices() // { completed: 'Done', high: 'Important' } */
export function taskFieldCalls({ host, apiDomain }: CrmOptions): TaskFieldCalls {
  return {
    async getTaskChoices() {
      const url = crmUrl(apiDomain, ['settings', 'fields'], { module: 'Tasks' });
      const request = { connection: 'org', method: 'GET', url } as const;
      const answer = await host.request(request);
      if (answer.body === undefined) return { completed: null, high: null };
      const { fields } = readAnswer(answer.body, fieldsAnswer, request);
      return { completed: displayOf(fields, 'Status', 'Completed'), high: displayOf(fields, 'Priority', 'High') };
    },
  };
}
