/**
 * `Owner: {"id": "…"}` in a records body: the new owner must be an active user of the org.
 * Zoho documents no answer for an inactive, deleted or unknown owner; the emulator answers
 * INVALID_DATA pointing at Owner, as Zoho answers a field value it refuses (its OpenAPI example
 * for a refused field on insert) and as it does for any lookup to nothing.
 */
import { invalidField, type ItemError } from './item-error';
import type { EmulatorState } from './state';
import { isActiveUser } from './user-types';

const idOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') return value.id;
  return undefined;
};

/** The owner's id when the item names one, undefined when it does not, or the item's error. */
export const ownerOf = (state: EmulatorState, item: Record<string, unknown>, index: number): string | undefined | ItemError => {
  const raw = item['Owner'];
  if (raw === undefined) return undefined;
  const id = idOf(raw);
  const user = id === undefined ? undefined : state.users.find((u) => u.id === id);
  if (!user || !isActiveUser(user)) return invalidField(index, 'Owner', { expected_data_type: 'lookup' });
  return user.id;
};
