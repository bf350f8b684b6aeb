import { batch } from '@preact/signals-core';
import { answeredDescription } from '../crm/unlock-request-text';
import { describeFailure } from './describe-failure';
import { beginSending } from './request-asking';
import type { RequestReads } from './request-reads';
import { forLock } from './request-state';
import type { RequestNotice, RequestState, UnlockRequestsDependencies } from './request-state';

/** How the locker's Keep locked ended: answered, or answered first by someone else (named when known). */
function keptNotice(answered: number, firstBy: string | undefined): RequestNotice {
  if (answered > 0) return { key: 'requests.notice.keptLocked' };
  return firstBy ? { key: 'requests.notice.answeredFirstBy', params: { name: firstBy } } : { key: 'requests.notice.answeredFirst' };
}

/**
 * The locker's answers: Keep locked completes the open requests with the typed reply; an unlock
 * confirmed through the lock model completes them as answered by it.
 */
export function createAnswers(state: RequestState, reads: RequestReads, { tasks, lockModel, recordHistory }: UnlockRequestsDependencies) {
  const { all, message } = state;

  async function keepLocked(): Promise<void> {
    const user = lockModel.user.value;
    const record = lockModel.record.value;
    if (state.sending.value || !state.isLocker.value || !user || !record) return;
    const reply = message.check();
    if (reply === null) return;
    const targets = new Set(state.open.value.map((request) => request.id));
    beginSending(state);
    try {
      const calls = await tasks();
      // Someone may have answered first: read again, and answer only what is still open.
      all.value = await calls.readUnlockRequests(record);
      const stillOpen = state.current.value.filter((request) => targets.has(request.id) && request.open);
      const answeredFirst = state.current.value.find((request) => targets.has(request.id) && !request.open);
      const answer = { kind: 'keptLocked', by: user.fullName, reply } as const;
      for (const request of stillOpen) {
        await calls.completeRequest(request.id, answeredDescription(request.description, answer));
        state.closed(request.id, answer);
        recordHistory({ kind: 'keptLocked', by: user.fullName, requester: request.requester.name, reply });
      }
      batch(() => {
        state.form.value = null;
        message.set('');
        state.notice.value = keptNotice(stillOpen.length, answeredFirst?.answer?.by);
      });
    } catch (error) {
      state.retryLast = keepLocked;
      state.failure.value = describeFailure(error);
    } finally {
      state.sending.value = false;
      reads.rememberOpen();
    }
  }

  const stopListening = lockModel.onConfirmedChange((change) => {
    if (change.action !== 'unlock') return;
    const by = lockModel.user.value?.fullName ?? '';
    const lock = change.before;
    const answered = lock ? all.value.filter((request) => request.open && forLock(lock)(request)) : [];
    void tasks().then(async (calls) => {
      for (const request of answered) {
        try {
          await calls.completeRequest(request.id, answeredDescription(request.description, { kind: 'unlocked', by }));
          state.closed(request.id);
        } catch {
          // The record is unlocked, which answers the request; the task closes when next seen.
        }
      }
      reads.rememberOpen();
    });
  });

  return { keepLocked, dispose: stopListening };
}
