import * as z from '../host/zod';
import type { KeyValueStore } from '../host/storage';
import type { RecordRef } from '../crm/types';

/**
 * Past this a remembered request is forgotten: a record no one has opened for a month is left to
 * Zoho's own task list, and the storage does not grow with every record ever locked.
 */
const REQUEST_MEMORY_TTL_MS = 30 * 24 * 60 * 60_000;
/** At most this many records per org and user; the oldest are forgotten first. */
const REQUEST_MEMORY_MAX_RECORDS = 100;
/** Entries of another shape are ignored and replaced; bump when the entry changes. */
const VERSION = 1;

export interface RequestMemoryScope {
  orgId: string | null;
  apiDomain: string;
  userId: string;
}

/** The open unlock requests the viewer is party to on one record, as the panel last saw them. */
export interface RequestMemory {
  /** Their task ids; none when nothing is remembered, or the entry is unreadable, foreign or too old. */
  recall(): string[];
  /** Remembers exactly these ids for the record; an empty list forgets it. */
  remember(taskIds: string[]): void;
}

const entrySchema = z.object({
  version: z.number(),
  key: z.string(),
  records: z.array(z.object({ record: z.string(), taskIds: z.array(z.string()), savedAt: z.number() })),
});
type Entry = z.infer<typeof entrySchema>;
type Remembered = Entry['records'][number];

/**
 * Lets the panel of an unlocked record know, without a call, whether the viewer had open requests
 * on it: only then does it read them to complete them. One entry per org and user in the widget
 * origin's storage; Zoho's tasks stay the truth, this only says where to look.
 * @example createRequestMemory({ store, now: Date.now, scope: { orgId, apiDomain, userId }, record }).recall()
 */
export function createRequestMemory({ store, now, scope, record }: { store: KeyValueStore; now: () => number; scope: RequestMemoryScope; record: RecordRef }): RequestMemory {
  // The data centre stands in for the org where the SDK names none.
  const key = `recordlock.requests:${scope.orgId ?? scope.apiDomain}:${scope.userId}`;
  const recordKey = `${record.module}:${record.recordId}`;

  /** The entry's records still young enough; a clock set back makes an age negative, which counts as old. */
  function current(): Remembered[] {
    const entry = parseEntry(store.get(key));
    if (!entry || entry.version !== VERSION || entry.key !== key) return [];
    const at = now();
    return entry.records.filter((remembered) => at - remembered.savedAt >= 0 && at - remembered.savedAt <= REQUEST_MEMORY_TTL_MS);
  }

  return {
    recall: () => current().find((remembered) => remembered.record === recordKey)?.taskIds ?? [],
    remember(taskIds) {
      const others = current().filter((remembered) => remembered.record !== recordKey);
      const records = taskIds.length > 0 ? [{ record: recordKey, taskIds, savedAt: now() }, ...others] : others;
      records.sort((a, b) => b.savedAt - a.savedAt);
      if (records.length === 0) return store.remove(key);
      store.set(key, JSON.stringify({ version: VERSION, key, records: records.slice(0, REQUEST_MEMORY_MAX_RECORDS) }));
    },
  };
}

function parseEntry(text: string | null): Entry | null {
  if (text === null) return null;
  try {
    const parsed = entrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // not JSON: ignored, and replaced by the next write
    return null;
  }
}
