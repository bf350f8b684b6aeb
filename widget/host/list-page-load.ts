import * as z from './zod';
import { HostError, type ListContext } from './host';
import { isModuleName, isZohoId } from './zoho-ids';

const pageLoadSchema = z.object({ Entity: z.string(), EntityId: z.nullish(z.union([z.array(z.string()), z.string()])) });

/**
 * The selection of a list view button's PageLoad: `{Entity, EntityId: [ids], ButtonPosition}` (Zoho's
 * SDK README, "Buttons"). A single id string, as a record's PageLoad carries it, is taken as one id,
 * and a missing or empty EntityId as nothing selected. HostError('malformed') when the module is not
 * an API name or an id is not Zoho's (digits as a string: a number has lost digits past 2^53).
 */
export function parseListPageLoad(data: unknown): ListContext {
  const parsed = pageLoadSchema.safeParse(data);
  if (!parsed.success || !isModuleName(parsed.data.Entity)) throw new HostError('malformed', 'PageLoad without a module', data);
  const { Entity, EntityId } = parsed.data;
  const ids = typeof EntityId === 'string' ? (EntityId === '' ? [] : [EntityId]) : (EntityId ?? []);
  if (!ids.every(isZohoId)) throw new HostError('malformed', 'PageLoad with an id that is not a record id', data);
  return { module: Entity, recordIds: [...new Set(ids)] };
}
