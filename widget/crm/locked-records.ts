import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { checkModule, crmUrl } from './crm-url';
import { nameFieldsOf, nameOf } from './record-name-fields';
import { readAnswer } from './zoho-errors';

/**
 * Zoho's records carry `Locked__s`, a read-only boolean its own "All Locked …" list views filter on;
 * its search docs do not name it. The Web Tab finds locked records with this criterion first, with
 * COQL when Zoho refuses it (locked-records-query.ts), and never guesses (see the README).
 */
const LOCKED_CRITERIA = '(Locked__s:equals:true)';

/** Zoho's codes for a search it will not run: a criterion or a module it does not search. */
export const SEARCH_REFUSED_CODES: readonly string[] = ['INVALID_QUERY', 'NOT_SUPPORTED'];

const foundSchema = z.looseObject({ id: z.string() });
const searchAnswer = z.object({
  data: z.array(foundSchema),
  info: z.object({ more_records: z.boolean() }),
});

export interface LockedRecord {
  id: string;
  /** The record's name as CRM shows it; '' when its name fields are empty. */
  name: string;
}

export interface LockedRecordsPage {
  records: LockedRecord[];
  /** Whether Zoho has more matches after this page. */
  more: boolean;
}

export interface LockedRecordSearch {
  /**
   * One page (from 1) of the module's records whose Locked__s is true, over the user's connection.
   * Rejects with CrmError (e.g. INVALID_QUERY when Zoho refuses the criterion) or HostError('malformed').
   */
  findLocked(module: string, page: number, perPage: number): Promise<LockedRecordsPage>;
}

/** @example createLockedRecordSearch({ host, apiDomain }).findLocked('Deals', 1, 20) */
export function createLockedRecordSearch({ host, apiDomain }: CrmOptions): LockedRecordSearch {
  return {
    async findLocked(module, page, perPage) {
      const names = nameFieldsOf(checkModule(module));
      const url = crmUrl(apiDomain, [module, 'search'], {
        criteria: LOCKED_CRITERIA,
        fields: [...names, 'Locked__s'].join(','),
        page: String(page),
        per_page: String(perPage),
      });
      const request = { connection: 'user', method: 'GET', url } as const;
      const answer = await host.request(request);
      // Nothing found is Zoho's 204, an empty body.
      if (answer.body === undefined) return { records: [], more: false };
      const parsed = readAnswer(answer.body, searchAnswer, request);
      return {
        records: parsed.data.map((record) => ({ id: record.id, name: nameOf(record, names) })),
        more: parsed.info.more_records,
      };
    },
  };
}
