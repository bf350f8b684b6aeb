import './model-base';
import { hasCode } from '../crm/crm-error';
import type { TaskChoices, TaskFieldCalls } from '../crm/task-fields';
import * as z from '../host/zod';
import type { KeyValueStore } from '../host/storage';
import { loadOnce } from '../load-once';
import { cachedEntry } from './settings-cache';

/** The org's Tasks picklist choices, read once and kept like the module's settings. */
export interface TaskChoicesSource {
  /** Fresh from the cache, else read (one call) and cached; a stale entry stands in when that read fails. */
  get(): Promise<TaskChoices>;
  /** Reads them again, past the cache: Zoho refused a value it gave. */
  reread(): Promise<TaskChoices>;
}

export interface TaskChoicesOptions {
  calls: () => Promise<TaskFieldCalls>;
  /** The widget origin's storage; none: read once per view. */
  store?: KeyValueStore;
  now: () => number;
  /** The org's id, or its data centre where the SDK names none: the picklists are the org's, not a user's. */
  org: string;
}

const choicesSchema = z.object({ completed: z.nullable(z.string()), high: z.nullable(z.string()) });

/**
 * The picklists change as rarely as the module's settings: a view reads them only when it sends a
 * task or completes one, and only when the cache has none fresh.
 * @example const choices = createTaskChoicesSource({ calls, store, now: Date.now, org }); (await choices.get()).completed
 */
export function createTaskChoicesSource({ calls, store, now, org }: TaskChoicesOptions): TaskChoicesSource {
  const cache = store && cachedEntry(store, now, `recordlock.taskChoices:${org}`, choicesSchema);
  const read = async () => {
    const choices = await (await calls()).getTaskChoices();
    cache?.write(choices);
    return choices;
  };
  let current = loadOnce(async () => {
    const cached = cache?.read();
    if (cached?.fresh) return cached.settings;
    try {
      return await read();
    } catch (error) {
      if (cached) return cached.settings;
      throw error;
    }
  });
  return {
    get: () => current.load(),
    reread() {
      current = loadOnce(read);
      return current.load();
    },
  };
}

/** Zoho refused a Status or Priority value: the org's picklists changed since they were read. */
const refusedChoice = (error: unknown) =>
  hasCode(error, 'INVALID_DATA') && (error.details['api_name'] === 'Status' || error.details['api_name'] === 'Priority');

/**
 * Runs `send` with the org's choices; when Zoho refuses a picklist value, reads them again and
 * sends once more, so an administrator's rename costs one refused call, never a dead end.
 */
export async function withTaskChoices<T>(source: TaskChoicesSource, send: (choices: TaskChoices) => Promise<T>): Promise<T> {
  try {
    return await send(await source.get());
  } catch (error) {
    if (!refusedChoice(error)) throw error;
    return send(await source.reread());
  }
}
