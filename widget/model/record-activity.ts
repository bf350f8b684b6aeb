import './model-base';
import { noteCalls } from '../crm/notes';
import { taskFieldCalls } from '../crm/task-fields';
import { taskCalls } from '../crm/tasks';
import { userCalls } from '../crm/users';
import type { Host } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import { loadOnce } from '../load-once';
import type { HistoryEvent } from './history-line';
import { createHistoryWriter } from './history-writer';
import type { HistoryWriter } from './history-writer';
import { createLockHistory } from './lock-history';
import type { LockHistory } from './lock-history';
import type { ConfirmedChange } from './lock-session';
import type { LockModel } from './lock-model';
import { createRecentChanges } from './recent-changes';
import { createRequestMemory } from './request-memory';
import { createRouteReads } from './request-route';
import { createTaskChoicesSource } from './task-choices';
import { createUnlockFollowUp } from './unlock-follow-up';
import type { UnlockFollowUp } from './unlock-follow-up';
import { createUnlockRequests } from './unlock-requests';
import type { UnlockRequests } from './unlock-requests';

/** What the panel adds around the lock: its unlock requests and its history. */
export interface RecordActivity {
  requests: UnlockRequests;
  history: LockHistory;
  writer: HistoryWriter;
  /** An unlock's history note and answers to its requests, shown here as they are written. */
  followUp: UnlockFollowUp;
  /** Writes the note of a lock or reason change Zoho confirmed (an unlock's is its follow-up's). */
  confirmed(change: ConfirmedChange): void;
  dispose(): void;
}

export interface RecordActivityDependencies {
  host: Host;
  /** A started lock model (phase "ready"): its record and user name the notes and tasks. */
  lockModel: LockModel;
  now: () => Date;
  /** Where the viewer's open requests, the Tasks picklists and the administrators are kept between views (host/storage.ts); none: nothing is. */
  store?: KeyValueStore;
}

/**
 * The unlock requests and lock history of the open record, over Zoho's Tasks, Notes and users.
 * Loaded on demand with the part that shows them; subscribes to the lock model's confirmed changes
 * and becomes its unlocks' follow-up.
 * @example const activity = createRecordActivity({ host, lockModel: model, now: () => new Date(), store: createLocalStore(window) });
 */
export function createRecordActivity({ host, lockModel, now, store }: RecordActivityDependencies): RecordActivity {
  const record = lockModel.record.value;
  const user = lockModel.user.value;
  if (!record || !user) throw new Error('createRecordActivity needs a started lock model');

  const connect = loadOnce(() =>
    host.environment().then(({ apiDomain, orgId }) => {
      const org = orgId ?? apiDomain;
      const at = () => now().getTime();
      return {
        tasks: taskCalls({ host, apiDomain }),
        notes: noteCalls({ host, apiDomain }),
        choices: createTaskChoicesSource({ calls: async () => taskFieldCalls({ host, apiDomain }), store, now: at, org }),
        routeReads: createRouteReads({ users: async () => userCalls({ host, apiDomain }), store, now: at, org }),
        scope: { orgId, apiDomain, userId: user.id },
      };
    }),
  ).load;
  const notes = () => connect().then((c) => c.notes);
  const tasks = () => connect().then((c) => c.tasks);
  const choices = () => connect().then((c) => c.choices);
  const memory = store && (() => connect().then(({ scope }) => createRequestMemory({ store, now: () => now().getTime(), scope, record })));
  // Noted for the Web Tab in this browser, whose search may not show the change yet.
  const recent = store && loadOnce(() => connect().then(({ scope }) => createRecentChanges({ store, now: () => now().getTime(), scope }))).load;
  const noteRecent = (locked: boolean) =>
    void recent?.().then((changes) => changes.note({ ...record, name: lockModel.recordName.value ?? '', locked }), () => undefined);

  const writer = createHistoryWriter({ notes, author: { id: user.id, name: user.fullName }, now });
  const history = createLockHistory({ notes, record });
  writer.onWritten((note) => history.add(note));
  const recordHistory = (event: HistoryEvent) => void writer.write(record, event);
  const routeReads = () => connect().then((c) => c.routeReads);
  const requests = createUnlockRequests({ tasks, choices, routeReads, lockModel, now, recordHistory, memory });
  const followUp = createUnlockFollowUp({
    writeHistory: writer.write,
    tasks,
    choices,
    knownRequests: (unlock) => requests.knownFor(unlock.lock.id),
    answering: requests.answering,
  });

  const confirmed = (change: ConfirmedChange) => {
    const by = user.fullName;
    if (change.action !== 'editReason') noteRecent(change.action === 'lock');
    const reason = change.after?.reason ?? '';
    if (change.action === 'lock') recordHistory({ kind: 'locked', by, reason });
    if (change.action === 'editReason') recordHistory({ kind: 'reasonChanged', by, reason });
  };
  const stop = lockModel.onConfirmedChange(confirmed);

  return {
    requests,
    history,
    writer,
    followUp,
    confirmed,
    dispose() {
      stop();
      requests.dispose();
    },
  };
}
