import { effect } from '@preact/signals-core';
import type { TaskCalls, UnlockRequest } from '../crm/tasks';
import type { Lock } from '../crm/types';
import { describeFailure } from './describe-failure';
import { forLock } from './request-state';
import type { RequestState, UnlockRequestsDependencies } from './request-state';
import { withTaskChoices } from './task-choices';

/** Reading the record's requests, and completing those whose lock is gone. */
export interface RequestReads {
  /** Reads the record's requests; null when they could not be read (said in `failure`). */
  read(): Promise<UnlockRequest[] | null>;
  /** Writes down the open requests the viewer is party to, as now known, for the record's next view. */
  rememberOpen(): void;
  /** The record's requests when they were read for the lock `lockId` (at or after it was shown); undefined otherwise. */
  knownFor(lockId: string): UnlockRequest[] | undefined;
  /** Stops following the lock. */
  dispose(): void;
}

/**
 * Reads the requests once per lock shown; an unlocked record costs no call unless the viewer had
 * open requests remembered on it, and a lock gone completes the requests the viewer is party to.
 */
export function createRequestReads(state: RequestState, dependencies: UnlockRequestsDependencies): RequestReads {
  const { tasks, choices, lockModel, memory } = dependencies;
  const { all } = state;
  let readFor: string | null = null;
  /** The lock the requests shown were last read for. */
  let readOk: string | null = null;
  let recalled = false;

  function rememberOpen() {
    const openIds = () => all.value.filter((request) => request.open && state.isParty(request)).map((request) => request.id);
    // Taken when the memory is at hand, so that the last of several writes holds the latest state.
    void memory?.().then((remembered) => remembered.remember(openIds()), () => undefined);
  }

  /**
   * Completes requests left open from an earlier lock, when the viewer is their locker or requester.
   * An org without a completed status keeps them open: there is nothing to set.
   */
  async function closeStale(calls: TaskCalls, lock: Lock | null, requests: UnlockRequest[]) {
    const stale = requests.filter((request) => request.open && (!lock || !forLock(lock)(request)) && state.isParty(request));
    for (const request of stale) {
      try {
        const closed = await withTaskChoices(await choices(), async (picked) => {
          if (!picked.completed) return false;
          await calls.completeRequest(request.id, request.description, picked.completed);
          return true;
        });
        if (closed) state.closed(request.id);
      } catch {
        // Left open: the next viewer who may close it tries again.
      }
    }
    rememberOpen();
  }

  const closeRemembered = () => closeRememberedOnUnlocked(state, dependencies, closeStale);

  async function read(): Promise<UnlockRequest[] | null> {
    const record = lockModel.record.value;
    if (!record) return null;
    state.loading.value = true;
    const lockId = lockModel.lock.value?.id ?? null;
    try {
      const requests = await (await tasks()).readUnlockRequests(record);
      all.value = requests;
      readOk = lockId;
      rememberOpen();
      return requests;
    } catch (error) {
      state.retryLast = async () => void (await read());
      state.failure.value = describeFailure(error);
      return null;
    } finally {
      state.loading.value = false;
    }
  }

  const dispose = effect(() => {
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

  return { read, rememberOpen, knownFor: (lockId) => (readOk === lockId ? all.value : undefined), dispose };
}

/**
 * On a record found unlocked: when open requests of the viewer's were remembered for it, reads them
 * once and completes those still open, since the lock they asked about is gone. Nothing remembered:
 * no call. A failure is silent and leaves them remembered for the next view.
 */
async function closeRememberedOnUnlocked(
  state: RequestState,
  { tasks, lockModel, memory }: UnlockRequestsDependencies,
  closeStale: (calls: TaskCalls, lock: Lock | null, requests: UnlockRequest[]) => Promise<void>,
): Promise<void> {
  const record = lockModel.record.value;
  const remembered = await memory?.().catch(() => null);
  if (!record || !remembered || remembered.recall().length === 0) return;
  try {
    const calls = await tasks();
    const requests = await calls.readUnlockRequests(record);
    // A lock that came meanwhile reads its own requests; this read is for an unlocked record only.
    if (lockModel.lock.value) return;
    state.all.value = requests;
    await closeStale(calls, null, requests);
  } catch {
    // Still remembered: the next view tries again.
  }
}
