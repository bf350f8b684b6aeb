import { batch, computed, effect, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import { hasCode } from '../crm/crm-error';
import type { TaskCalls, UnlockRequest } from '../crm/tasks';
import type { Lock } from '../crm/types';
import { answeredDescription } from '../crm/unlock-request-text';
import type { MessageKey, MessageParams } from '../i18n/messages';
import { knownTimeZone } from '../i18n/format-time';
import { describeFailure } from './describe-failure';
import { failureOf } from './failure';
import type { Failure } from './failure';
import type { HistoryEvent } from './history-line';
import { belongsToLock } from './lock-rules';
import type { LockModel } from './lock-model';
import { createMessageDraft } from './message-draft';
import type { MessageDraft } from './message-draft';
import type { RequestMemory } from './request-memory';

/** Why the viewer is not offered "Ask to unlock"; null when they are. */
export type AskBlock = 'ruleHeld' | 'notBound' | 'ownLock' | 'alreadyAsked';

export type RequestForm = 'ask' | 'keepLocked';

export interface RequestNotice {
  key: MessageKey;
  params?: MessageParams;
}

export interface UnlockRequests {
  /** Reading the record's requests (only while it is locked). */
  loading: ReadonlySignal<boolean>;
  /** Open requests on the current lock, newest first. */
  open: ReadonlySignal<UnlockRequest[]>;
  /** The viewer's latest request on the current lock, open or answered. */
  mine: ReadonlySignal<UnlockRequest | null>;
  /** The viewer set this lock: they answer the requests. */
  isLocker: ReadonlySignal<boolean>;
  /** null while the record is unlocked. */
  askBlock: ReadonlySignal<AskBlock | null | undefined>;
  form: ReadonlySignal<RequestForm | null>;
  message: MessageDraft;
  sending: ReadonlySignal<boolean>;
  failure: ReadonlySignal<Failure | null>;
  notice: ReadonlySignal<RequestNotice | null>;
  openForm(form: RequestForm): void;
  closeForm(): void;
  /** Sends the request with the typed message; over the limit, nothing is sent. */
  ask(): Promise<void>;
  /** Completes the open requests with the typed reply; the lock stays. */
  keepLocked(): Promise<void>;
  retry(): Promise<void>;
  dismiss(): void;
  dispose(): void;
}

export interface UnlockRequestsDependencies {
  tasks: () => Promise<TaskCalls>;
  lockModel: LockModel;
  now: () => Date;
  /** Writes one history note; never throws. */
  recordHistory: (event: HistoryEvent) => void;
  /**
   * Where the viewer's open requests on this record are remembered between views; none: an unlocked
   * record's requests are completed only when the panel sees its lock go.
   */
  memory?: () => Promise<RequestMemory>;
}

/** Today's date, YYYY-MM-DD, in the given time zone. */
export function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: knownTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const forLock = (lock: Lock) => (request: UnlockRequest) => belongsToLock(lock.lockedAt, request.askedAt);

/**
 * The record's unlock requests: read once per lock while it is locked, asked by a viewer whom a manual
 * lock binds, answered by the locker (Keep locked here; Unlock through the lock model).
 */
export function createUnlockRequests({ tasks, lockModel, now, recordHistory, memory }: UnlockRequestsDependencies): UnlockRequests {
  const all = signal<UnlockRequest[]>([]);
  const loading = signal(false);
  const form = signal<RequestForm | null>(null);
  const sending = signal(false);
  const failure = signal<Failure | null>(null);
  const notice = signal<RequestNotice | null>(null);
  const message = createMessageDraft();
  let readFor: string | null = null;
  let retryLast: (() => Promise<void>) | null = null;
  let recalled = false;

  const viewerId = () => lockModel.user.value?.id ?? null;
  const current = computed(() => {
    const lock = lockModel.lock.value;
    return lock ? all.value.filter(forLock(lock)) : [];
  });
  const open = computed(() => current.value.filter((request) => request.open));
  const mine = computed(() => current.value.find((request) => request.requester.id === viewerId()) ?? null);
  const isLocker = computed(() => {
    const lock = lockModel.lock.value;
    return lock !== null && lock.lockedBy?.id === viewerId();
  });
  const askBlock = computed((): AskBlock | null | undefined => {
    const lock = lockModel.lock.value;
    if (!lock) return undefined;
    if (lock.source !== 'Manual') return 'ruleHeld';
    if (isLocker.value) return 'ownLock';
    if (!lockModel.permissions.value?.bindsViewer || !lock.lockedBy) return 'notBound';
    if (mine.value?.open) return 'alreadyAsked';
    return null;
  });

  const isParty = (request: UnlockRequest) => request.ownerId === viewerId() || request.requester.id === viewerId();

  /** Completes requests left open from an earlier lock, when the viewer is their locker or requester. */
  async function closeStale(calls: TaskCalls, lock: Lock | null, requests: UnlockRequest[]) {
    const stale = requests.filter((request) => request.open && (!lock || !forLock(lock)(request)) && isParty(request));
    for (const request of stale) {
      try {
        await calls.completeRequest(request.id, request.description);
        all.value = all.value.map((known) => (known.id === request.id ? { ...known, open: false } : known));
      } catch {
        // Left open: the next viewer who may close it tries again.
      }
    }
    rememberOpen();
  }

  /** Writes down the open requests the viewer is party to, as now known, for the record's next view. */
  function rememberOpen() {
    const openIds = () => all.value.filter((request) => request.open && isParty(request)).map((request) => request.id);
    // Taken when the memory is at hand, so that the last of several writes holds the latest state.
    void memory?.().then((remembered) => remembered.remember(openIds()), () => undefined);
  }

  /**
   * On a record found unlocked: when open requests of the viewer's were remembered for it, reads them
   * once and completes those still open, since the lock they asked about is gone. Nothing remembered:
   * no call. A failure is silent and leaves them remembered for the next view.
   */
  async function closeRemembered() {
    const record = lockModel.record.value;
    const remembered = await memory?.().catch(() => null);
    if (!record || !remembered || remembered.recall().length === 0) return;
    try {
      const calls = await tasks();
      const requests = await calls.readUnlockRequests(record);
      // A lock that came meanwhile reads its own requests; this read is for an unlocked record only.
      if (lockModel.lock.value) return;
      all.value = requests;
      await closeStale(calls, null, requests);
    } catch {
      // Still remembered: the next view tries again.
    }
  }

  async function read(): Promise<UnlockRequest[] | null> {
    const record = lockModel.record.value;
    if (!record) return null;
    loading.value = true;
    try {
      const requests = await (await tasks()).readUnlockRequests(record);
      all.value = requests;
      rememberOpen();
      return requests;
    } catch (error) {
      retryLast = async () => void (await read());
      failure.value = describeFailure(error);
      return null;
    } finally {
      loading.value = false;
    }
  }

  // Read once per lock shown; an unlocked record costs no call, and a lock gone closes what we know of.
  const stopWatching = effect(() => {
    const lock = lockModel.lock.value;
    if (lockModel.phase.value !== 'ready') return;
    if (lock && lock.source !== 'Automatic' && readFor !== lock.id) {
      readFor = lock.id;
      void read().then(async (requests) => requests && closeStale(await tasks(), lock, requests));
    } else if (!lock && readFor !== null) {
      readFor = null;
      const known = all.value;
      void tasks().then((calls) => closeStale(calls, null, known));
    } else if (!lock && !recalled) {
      recalled = true;
      void closeRemembered();
    }
  });

  const stopListening = lockModel.onConfirmedChange((change) => {
    if (change.action !== 'unlock') return;
    const by = lockModel.user.value?.fullName ?? '';
    const lock = change.before;
    const answered = lock ? all.value.filter((request) => request.open && forLock(lock)(request)) : [];
    void tasks().then(async (calls) => {
      for (const request of answered) {
        try {
          await calls.completeRequest(request.id, answeredDescription(request.description, { kind: 'unlocked', by }));
          all.value = all.value.map((known) => (known.id === request.id ? { ...known, open: false } : known));
        } catch {
          // The record is unlocked, which answers the request; the task closes when next seen.
        }
      }
      rememberOpen();
    });
  });

  function begin() {
    batch(() => {
      sending.value = true;
      failure.value = null;
      notice.value = null;
    });
  }

  async function ask(): Promise<void> {
    const lock = lockModel.lock.value;
    const user = lockModel.user.value;
    const record = lockModel.record.value;
    if (sending.value || askBlock.value !== null || !lock?.lockedBy || !user || !record) return;
    const text = message.check();
    if (text === null) return;
    begin();
    try {
      const calls = await tasks();
      // Another window may have asked meanwhile: look before asking twice.
      all.value = await calls.readUnlockRequests(record);
      rememberOpen();
      if (mine.value?.open) {
        batch(() => {
          form.value = null;
          notice.value = { key: 'requests.notice.alreadyOpen' };
        });
        return;
      }
      const created = await calls.askToUnlock({
        record,
        recordName: lockModel.recordName.value ?? record.recordId,
        lockerId: lock.lockedBy.id,
        requesterName: user.fullName,
        message: text,
        dueDate: todayIn(user.timeZone, now()),
      });
      const request: UnlockRequest = {
        id: created.id,
        open: true,
        requester: { id: user.id, name: user.fullName },
        ownerId: lock.lockedBy.id,
        message: text,
        answer: null,
        askedAt: created.askedAt,
        description: '',
      };
      batch(() => {
        all.value = [request, ...all.value];
        form.value = null;
        message.set('');
        notice.value = { key: 'requests.notice.sent', params: { name: lock.lockedBy?.name ?? '' } };
      });
      rememberOpen();
      recordHistory({ kind: 'asked', by: user.fullName, locker: lock.lockedBy.name });
    } catch (error) {
      retryLast = ask;
      failure.value = hasCode(error, 'INVALID_DATA') && error.details['api_name'] === 'Owner'
        ? failureOf('requests.error.inactiveLocker', false, { name: lock.lockedBy.name })
        : describeFailure(error);
    } finally {
      sending.value = false;
    }
  }

  async function keepLocked(): Promise<void> {
    const user = lockModel.user.value;
    const record = lockModel.record.value;
    if (sending.value || !isLocker.value || !user || !record) return;
    const reply = message.check();
    if (reply === null) return;
    const targets = new Set(open.value.map((request) => request.id));
    begin();
    try {
      const calls = await tasks();
      // Someone may have answered first: read again, and answer only what is still open.
      all.value = await calls.readUnlockRequests(record);
      const stillOpen = current.value.filter((request) => targets.has(request.id) && request.open);
      const answeredFirst = current.value.find((request) => targets.has(request.id) && !request.open);
      for (const request of stillOpen) {
        await calls.completeRequest(request.id, answeredDescription(request.description, { kind: 'keptLocked', by: user.fullName, reply }));
        all.value = all.value.map((known) =>
          known.id === request.id ? { ...known, open: false, answer: { kind: 'keptLocked', by: user.fullName, reply } } : known,
        );
        recordHistory({ kind: 'keptLocked', by: user.fullName, requester: request.requester.name, reply });
      }
      const firstBy = answeredFirst?.answer?.by;
      batch(() => {
        form.value = null;
        message.set('');
        notice.value =
          stillOpen.length > 0
            ? { key: 'requests.notice.keptLocked' }
            : firstBy
              ? { key: 'requests.notice.answeredFirstBy', params: { name: firstBy } }
              : { key: 'requests.notice.answeredFirst' };
      });
    } catch (error) {
      retryLast = keepLocked;
      failure.value = describeFailure(error);
    } finally {
      sending.value = false;
      rememberOpen();
    }
  }

  return {
    loading,
    open,
    mine,
    isLocker,
    askBlock,
    form,
    message,
    sending,
    failure,
    notice,
    openForm(next) {
      batch(() => {
        form.value = next;
        notice.value = null;
        failure.value = null;
      });
    },
    closeForm() {
      if (sending.value) return;
      batch(() => {
        form.value = null;
        message.set('');
      });
    },
    ask,
    keepLocked,
    async retry() {
      const again = retryLast;
      retryLast = null;
      failure.value = null;
      if (again) await again();
    },
    dismiss: () => void (failure.value = null),
    dispose() {
      stopWatching();
      stopListening();
    },
  };
}
