import * as z from './zod';
import { HostError, type ListContext } from './host';

const pageLoadSchema = z.object({ Entity: z.string(), EntityId: z.nullish(z.union([z.array(z.string()), z.string()])) });

const moduleName = /^[A-Za-z][A-Za-z0-9_]*$/;
const zohoId = /^\d{1,19}$/;

/**
 * The selection of a list view button's PageLoad: `{Entity, EntityId: [ids], ButtonPosition}` (Zoho's
 * SDK README, "Buttons"). A single id string, as a record's PageLoad carries it, is taken as one id,
 * and a missing or empty EntityId as nothing selected. HostError('malformed') when the module is not
 * an API name or an id is not Zoho's (digits as a string: a number has lost digits past 2^53).
 */
export function parseListPageLoad(data: unknown): ListContext {
  const parsed = pageLoadSchema.safeParse(data);
  if (!parsed.success || !moduleName.test(parsed.data.Entity)) throw new HostError('malformed', 'PageLoad without a module', data);
  const { Entity, EntityId } = parsed.data;
  const ids = typeof EntityId === 'string' ? (EntityId === '' ? [] : [EntityId]) : (EntityId ?? []);
  if (!ids.every((id) => zohoId.test(id))) throw new HostError('malformed', 'PageLoad with an id that is not a record id', data);
  return { module: Entity, recordIds: [...new Set(ids)] };
}
