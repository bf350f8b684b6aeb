import './model-base';
import { noteCalls } from '../crm/notes';
import { taskCalls } from '../crm/tasks';
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
import { createUnlockRequests } from './unlock-requests';
import type { UnlockRequests } from './unlock-requests';

/** What the panel adds around the lock: its unlock requests and its history. */
export interface RecordActivity {
  requests: UnlockRequests;
  history: LockHistory;
  writer: HistoryWriter;
  /** Writes the note of a change Zoho confirmed. */
  confirmed(change: ConfirmedChange): void;
  dispose(): void;
}

export interface RecordActivityDependencies {
  host: Host;
  /** A started lock model (phase "ready"): its record and user name the notes and tasks. */
  lockModel: LockModel;
  now: () => Date;
  /** Where the viewer's open requests are remembered between views (host/storage.ts); none: nothing is. */
  store?: KeyValueStore;
}

/**
 * The unlock requests and lock history of the open record, over Zoho's Tasks and Notes. Loaded on
 * demand with the part that shows them; subscribes to the lock model's confirmed changes.
 * @example const activity = createRecordActivity({ host, lockModel: model, now: () => new Date(), store: createLocalStore(window) });
 */
export function createRecordActivity({ host, lockModel, now, store }: RecordActivityDependencies): RecordActivity {
  const record = lockModel.record.value;
  const user = lockModel.user.value;
  if (!record || !user) throw new Error('createRecordActivity needs a started lock model');

  const connect = loadOnce(() =>
    host.environment().then(({ apiDomain, orgId }) => ({
      tasks: taskCalls({ host, apiDomain }),
      notes: noteCalls({ host, apiDomain }),
      scope: { orgId, apiDomain, userId: user.id },
    })),
  ).load;
  const notes = () => connect().then((c) => c.notes);
  const tasks = () => connect().then((c) => c.tasks);
  const memory = store && (() => connect().then(({ scope }) => createRequestMemory({ store, now: () => now().getTime(), scope, record })));
  // Noted for the Web Tab in this browser, whose search may not show the change yet.
  const recent = store && loadOnce(() => connect().then(({ scope }) => createRecentChanges({ store, now: () => now().getTime(), scope }))).load;
  const noteRecent = (locked: boolean) =>
    void recent?.().then((changes) => changes.note({ ...record, name: lockModel.recordName.value ?? '', locked }), () => undefined);

  const writer = createHistoryWriter({ notes, record, author: { id: user.id, name: user.fullName }, now });
  const history = createLockHistory({ notes, record });
  writer.onWritten((note) => history.add(note));
  const recordHistory = (event: HistoryEvent) => void writer.write(event);
  const requests = createUnlockRequests({ tasks, lockModel, now, recordHistory, memory });

  const confirmed = (change: ConfirmedChange) => {
    const by = user.fullName;
    if (change.action !== 'editReason') noteRecent(change.action === 'lock');
    if (change.action === 'unlock') return recordHistory({ kind: 'unlocked', by });
    const reason = change.after?.reason ?? '';
    recordHistory(change.action === 'lock' ? { kind: 'locked', by, reason } : { kind: 'reasonChanged', by, reason });
  };
  const stop = lockModel.onConfirmedChange(confirmed);

  return {
    requests,
    history,
    writer,
    confirmed,
    dispose() {
      stop();
      requests.dispose();
    },
  };
}
