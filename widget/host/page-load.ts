import * as z from './zod';
import { HostError, type PageContext } from './host';

const pageLoadSchema = z.object({
  Entity: z.string(),
  // A string on a record's detail page; an array when opened from a custom button.
  EntityId: z.optional(z.unknown()),
});

/** The record of a PageLoad event; HostError('malformed') when it names no module or no record id of digits. */
export function parsePageLoad(data: unknown): PageContext {
  const parsed = pageLoadSchema.safeParse(data);
  if (!parsed.success || !parsed.data.Entity) throw new HostError('malformed', 'PageLoad without a module', data);
  const { Entity, EntityId } = parsed.data;
  const recordId: unknown = Array.isArray(EntityId) ? EntityId[0] : EntityId;
  // Zoho's record ids are digits: anything else names no record this widget can show.
  if (typeof recordId !== 'string' || !/^\d+$/.test(recordId)) throw new HostError('malformed', 'PageLoad without a record id', data);
  return { module: Entity, recordId };
}
