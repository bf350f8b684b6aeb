import { computed, signal } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { TaskCalls, UnlockRequest } from '../crm/tasks';
import type { Lock } from '../crm/types';
import type { MessageKey, MessageParams } from '../i18n/messages';
import type { Failure } from './failure';
import type { HistoryEvent } from './history-line';
import { belongsToLock } from './lock-rules';
import type { LockModel } from './lock-model';
import { createMessageDraft } from './message-draft';
import type { MessageDraft } from './message-draft';
import type { RequestMemory } from './request-memory';
import type { RequestRoute, RouteReads } from './request-route';
import type { TaskChoicesSource } from './task-choices';

/** Why the viewer is not offered "Ask to unlock" ('answers': requests on this lock went to them); null when they are. */
export type AskBlock = 'ruleHeld' | 'notBound' | 'ownLock' | 'answers' | 'alreadyAsked';

export type RequestForm = 'ask' | 'keepLocked';

export interface RequestNotice {
  key: MessageKey;
  params?: MessageParams;
}

export interface UnlockRequestsDependencies {
  tasks: () => Promise<TaskCalls>;
  /** The org's Tasks picklist choices, for a request's Priority and the status that completes it. */
  choices: () => Promise<TaskChoicesSource>;
  /** Who can receive a request: read when the ask form opens. */
  routeReads: () => Promise<RouteReads>;
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

/** A request belongs to the lock it was asked about: one asked before the lock was set was about an earlier one. */
export const forLock = (lock: Lock) => (request: UnlockRequest) => belongsToLock(lock.lockedAt, request.askedAt);

/** What the record's unlock requests are, as read, and what the viewer is doing with them. */
export interface RequestState {
  /** Every request read for the record, open and answered, newest first. */
  all: Signal<UnlockRequest[]>;
  loading: Signal<boolean>;
  form: Signal<RequestForm | null>;
  message: MessageDraft;
  sending: Signal<boolean>;
  failure: Signal<Failure | null>;
  notice: Signal<RequestNotice | null>;
  /** What Try again repeats. */
  retryLast: (() => Promise<void>) | null;
  /** The requests on the current lock. */
  current: ReadonlySignal<UnlockRequest[]>;
  open: ReadonlySignal<UnlockRequest[]>;
  /** The viewer's latest request on the current lock, open or answered. */
  mine: ReadonlySignal<UnlockRequest | null>;
  /** The viewer set this lock: they answer the requests. */
  isLocker: ReadonlySignal<boolean>;
  /** The open requests on the current lock the viewer answers: all of them for its locker, else those sent to them. */
  answerable: ReadonlySignal<UnlockRequest[]>;
  /** Who the request being written goes to; null until found. */
  route: Signal<RequestRoute | null>;
  /** Finding who can receive it (when the ask form opens). */
  routing: Signal<boolean>;
  /** null while the record is unlocked. */
  askBlock: ReadonlySignal<AskBlock | null | undefined>;
  viewerId(): string | null;
  /** The viewer is the locker or the requester of this request. */
  isParty(request: UnlockRequest): boolean;
  /** Marks a request answered, as Zoho now has it. */
  closed(taskId: string, answer?: UnlockRequest['answer']): void;
}

export function createRequestState(lockModel: LockModel): RequestState {
  const all = signal<UnlockRequest[]>([]);
  const viewerId = () => lockModel.user.value?.id ?? null;
  const current = computed(() => {
    const lock = lockModel.lock.value;
    return lock ? all.value.filter(forLock(lock)) : [];
  });
  const mine = computed(() => current.value.find((request) => request.requester.id === viewerId()) ?? null);
  const isLocker = computed(() => {
    const lock = lockModel.lock.value;
    return lock !== null && lock.lockedBy?.id === viewerId();
  });
  const open = computed(() => current.value.filter((request) => request.open));
  const answerable = computed(() => (isLocker.value ? open.value : open.value.filter((request) => request.ownerId === viewerId())));
  const askBlock = computed((): AskBlock | null | undefined => {
    const lock = lockModel.lock.value;
    if (!lock) return undefined;
    if (lock.source !== 'Manual') return 'ruleHeld';
    if (isLocker.value) return 'ownLock';
    if (answerable.value.length > 0) return 'answers';
    if (!lockModel.permissions.value?.bindsViewer || !lock.lockedBy) return 'notBound';
    if (mine.value?.open) return 'alreadyAsked';
    return null;
  });
  return {
    all,
    loading: signal(false),
    form: signal<RequestForm | null>(null),
    message: createMessageDraft(),
    sending: signal(false),
    failure: signal<Failure | null>(null),
    notice: signal<RequestNotice | null>(null),
    retryLast: null,
    current,
    open,
    mine,
    isLocker,
    answerable,
    route: signal<RequestRoute | null>(null),
    routing: signal(false),
    askBlock,
    viewerId,
    isParty: (request) => request.ownerId === viewerId() || request.requester.id === viewerId(),
    closed(taskId, answer) {
      all.value = all.value.map((known) => (known.id === taskId ? { ...known, open: false, ...(answer ? { answer } : {}) } : known));
    },
  };
}
