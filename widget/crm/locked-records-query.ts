import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { checkModule, crmUrl } from './crm-url';
import { nameFieldsOf, nameOf } from './record-name-fields';
import type { LockedRecordsPage } from './locked-records';
import { readAnswer } from './zoho-errors';

/** Zoho's codes for a COQL query it will not run on `Locked__s`: a column or module it cannot query. */
export const QUERY_REFUSED_CODES: readonly string[] = ['INVALID_QUERY', 'NOT_SUPPORTED'];

const queryAnswer = z.object({
  data: z.array(z.looseObject({ id: z.string() })),
  info: z.object({ more_records: z.boolean() }),
});

export interface LockedRecordQuery {
  /**
   * One page (from 1) of the module's records whose Locked__s is true, by COQL over the user's
   * connection: the Web Tab's way when search refuses the criterion or misses locks. Rejects with
   * CrmError (INVALID_QUERY when Zoho will not query the field) or HostError('malformed').
   */
  queryLocked(module: string, page: number, perPage: number): Promise<LockedRecordsPage>;
}

/**
 * COQL's answer has no index behind it, so it sees a lock at once. The boolean is compared with a
 * quoted 'true', as Zoho's COQL docs write booleans; newest record first, as the search sorts.
 * @example createLockedRecordQuery({ host, apiDomain }).queryLocked('Deals', 1, 20)
 */
export function createLockedRecordQuery({ host, apiDomain }: CrmOptions): LockedRecordQuery {
  return {
    async queryLocked(module, page, perPage) {
      const names = nameFieldsOf(checkModule(module));
      // A LIMIT up to 200 costs one credit.
      const select_query = `select ${names.join(', ')} from ${module} where Locked__s = 'true' order by id desc limit ${(page - 1) * perPage}, ${perPage}`;
      const request = { connection: 'user', method: 'POST', url: crmUrl(apiDomain, ['coql']), body: { select_query } } as const;
      const answer = await host.request(request);
      // Nothing matched: Zoho's 204.
      if (answer.body === undefined) return { records: [], more: false };
      const parsed = readAnswer(answer.body, queryAnswer, request);
      return { records: parsed.data.map((record) => ({ id: record.id, name: nameOf(record, names) })), more: parsed.info.more_records };
    },
  };
}
