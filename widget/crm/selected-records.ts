import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { checkId, checkModule, crmUrl } from './crm-url';
import { nameFieldsOf, nameOf } from './record-name-fields';
import { readAnswer } from './zoho-errors';

/** Values per `in` of a COQL query: Zoho's v7 page allows 100, an older error text says 50, so stay under both. */
const IN_MAX = 50;
/** The most ids one call reads: two `in` lists, well inside COQL's 25 criteria and its 200 rows at one credit. */
export const SELECTED_READ_MAX = 2 * IN_MAX;

/** A selected record as Zoho shows it to the viewer. */
export interface SelectedRecord {
  id: string;
  /** The record's name as CRM shows it; '' when its name fields are empty. */
  name: string;
}

export interface SelectedRecordCalls {
  /**
   * The records among `ids` (at most SELECTED_READ_MAX) that Zoho shows the viewer in `module`, with
   * their names, in one COQL call over the user's connection; an id of another module, of a deleted
   * record or of one the viewer may not see is simply not among them.
   */
  readSelected(module: string, ids: readonly string[]): Promise<SelectedRecord[]>;
}

const answerSchema = z.object({ data: z.array(z.looseObject({ id: z.string() })) });

/** @example selectedRecordCalls({ host, apiDomain }).readSelected('Deals', ['5843104000000410001']) */
export function selectedRecordCalls({ host, apiDomain }: CrmOptions): SelectedRecordCalls {
  return {
    async readSelected(module, ids) {
      if (ids.length === 0) return [];
      if (ids.length > SELECTED_READ_MAX) throw new Error(`At most ${SELECTED_READ_MAX} records per call`);
      const names = nameFieldsOf(checkModule(module));
      // checkId leaves only digits, so no id can break out of its quoted literal.
      const quoted = ids.map((id) => `'${checkId(id)}'`);
      const groups: string[] = [];
      for (let start = 0; start < quoted.length; start += IN_MAX) groups.push(`id in (${quoted.slice(start, start + IN_MAX).join(', ')})`);
      const query = `select id, ${names.join(', ')} from ${module} where (${groups.join(' or ')}) limit 200`;
      const answer = await host.request({ connection: 'user', method: 'POST', url: crmUrl(apiDomain, ['coql']), body: { select_query: query } });
      // Nothing found is Zoho's 204, an empty body.
      if (answer.body === undefined) return [];
      const found = new Map(readAnswer(answer.body, answerSchema, 'readSelected').data.map((record) => [record.id, nameOf(record, names)]));
      // In the selection's order, each once: the list's order is the one the viewer chose in.
      return ids.flatMap((id) => (found.has(id) ? [{ id, name: found.get(id) ?? '' }] : []));
    },
  };
}
