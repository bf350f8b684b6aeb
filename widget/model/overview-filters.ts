import * as z from '../host/zod';
import type { Lock } from '../crm/types';
import { validDays } from './valid-days';

/** Who locked: anyone, the viewer, or one user by id. */
export type LockedByFilter = { kind: 'anyone' } | { kind: 'me' } | { kind: 'user'; id: string };
export type SourceFilter = 'any' | 'manual' | 'rule';

export interface OverviewFilters {
  lockedBy: LockedByFilter;
  source: SourceFilter;
  /** Only locks older than this many whole days; null for any age. */
  olderThanDays: number | null;
}

const NO_FILTERS: OverviewFilters = { lockedBy: { kind: 'anyone' }, source: 'any', olderThanDays: null };

const storedSchema = z.object({
  lockedBy: z.optional(z.unknown()),
  source: z.optional(z.unknown()),
  olderThanDays: z.optional(z.unknown()),
});
const lockedBySchema = z.object({ kind: z.enum(['anyone', 'me', 'user']), id: z.optional(z.string()) });

/**
 * Filters as stored earlier: each part that no longer makes sense (unknown value, bad number, a
 * user id that is not an id) falls back to "any", so a stale entry never hides the list.
 */
export function parseStoredFilters(text: string | null): OverviewFilters {
  if (text === null) return NO_FILTERS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return NO_FILTERS;
  }
  const stored = storedSchema.safeParse(raw);
  if (!stored.success) return NO_FILTERS;
  const { lockedBy, source, olderThanDays } = stored.data;
  const by = lockedBySchema.safeParse(lockedBy);
  return {
    lockedBy: !by.success
      ? NO_FILTERS.lockedBy
      : by.data.kind === 'user'
        ? by.data.id && /^\d+$/.test(by.data.id) ? { kind: 'user', id: by.data.id } : NO_FILTERS.lockedBy
        : { kind: by.data.kind },
    source: source === 'manual' || source === 'rule' ? source : 'any',
    olderThanDays: validDays(olderThanDays),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a lock passes the filters; "by a rule" includes locks held by hand and by a rule at once. */
export function passesFilters(lock: Lock, filters: OverviewFilters, viewerId: string, now: Date): boolean {
  const { lockedBy, source, olderThanDays } = filters;
  if (lockedBy.kind === 'me' && lock.lockedBy?.id !== viewerId) return false;
  if (lockedBy.kind === 'user' && lock.lockedBy?.id !== lockedBy.id) return false;
  if (source === 'manual' && lock.source === 'Automatic') return false;
  if (source === 'rule' && lock.source === 'Manual') return false;
  if (olderThanDays !== null && now.getTime() - new Date(lock.lockedAt).getTime() < olderThanDays * DAY_MS) return false;
  return true;
}
