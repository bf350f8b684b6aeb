import './model-base';

// An unlock's follow-up for pages of many records, with its calls: one part.
import type { CrmOptions } from '../crm/crm-options';
import { noteCalls } from '../crm/notes';
import type { NoteCalls } from '../crm/notes';
import { taskFieldCalls } from '../crm/task-fields';
import type { TaskFieldCalls } from '../crm/task-fields';
import { taskCalls } from '../crm/tasks';
import type { TaskCalls } from '../crm/tasks';
import type { KeyValueStore } from '../host/storage';
import { createHistoryWriter } from './history-writer';
import type { HistoryWriter } from './history-writer';
import { createTaskChoicesSource } from './task-choices';
import { createUnlockFollowUp } from './unlock-follow-up';
import type { UnlockFollowUp, UnlockFollowUpDependencies } from './unlock-follow-up';

/** The calls an unlock's follow-up makes: notes and tasks over the user's connection, the Tasks picklists over the org's. */
export interface ActivityCalls {
  notes: NoteCalls;
  tasks: TaskCalls;
  taskFields: TaskFieldCalls;
}

export const activityCalls = (options: CrmOptions): ActivityCalls => ({
  notes: noteCalls(options),
  tasks: taskCalls(options),
  taskFields: taskFieldCalls(options),
});

export interface PageFollowUpOptions {
  calls: () => Promise<ActivityCalls>;
  /** The viewer, who writes the notes. */
  author: { id: string; name: string };
  now: () => Date;
  /** The widget origin's storage, where the Tasks picklists are kept; none: read once per page. */
  store?: KeyValueStore;
  /** The org's id, or its data centre where the SDK names none. */
  org: string;
  /** What the page knows of a record's requests (e.g. that it has none open); undefined: read them. */
  knownRequests?: UnlockFollowUpDependencies['knownRequests'];
}

/**
 * An unlock follow-up for a page that shows many records (the Web Tab, the list view's popup): the
 * notes it could not write wait in `writer.missed` for the page to offer writing them again.
 * @example const { followUp, writer } = createPageFollowUp({ calls, author, now, store, org }); // ChangeContext.followUp
 */
export function createPageFollowUp({ calls, author, now, store, org, knownRequests }: PageFollowUpOptions): { followUp: UnlockFollowUp; writer: HistoryWriter } {
  const writer = createHistoryWriter({ notes: () => calls().then((c) => c.notes), author, now });
  const choices = createTaskChoicesSource({ calls: () => calls().then((c) => c.taskFields), store, now: () => now().getTime(), org });
  const followUp = createUnlockFollowUp({
    writeHistory: writer.write,
    tasks: () => calls().then((c) => c.tasks),
    choices: async () => choices,
    ...(knownRequests ? { knownRequests } : {}),
  });
  return { followUp, writer };
}
