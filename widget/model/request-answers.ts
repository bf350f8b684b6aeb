import { batch } from '@preact/signals-core';
import { answeredDescription } from '../crm/unlock-request-text';
import { describeFailure } from './describe-failure';
import { beginSending } from './request-asking';
import type { RequestReads } from './request-reads';
import type { RequestNotice, RequestState, UnlockRequestsDependencies } from './request-state';
import { withTaskChoices } from './task-choices';

/** How Keep locked ended: answered, or answered first by someone else (named when known). */
function keptNotice(answered: number, firstBy: string | undefined): RequestNotice {
  if (answered > 0) return { key: 'requests.notice.keptLocked' };
  return firstBy ? { key: 'requests.notice.answeredFirstBy', params: { name: firstBy } } : { key: 'requests.notice.answeredFirst' };
}

/**
 * Keep locked: the locker, or whoever a request went to in their place, completes the open requests
 * they answer with the typed reply; the lock stays. (An unlock answers them through its follow-up.)
 */
export function createAnswers(state: RequestState, reads: RequestReads, { tasks, choices, lockModel, recordHistory }: UnlockRequestsDependencies) {
  const { all, message } = state;

  async function keepLocked(): Promise<void> {
    const user = lockModel.user.value;
    const record = lockModel.record.value;
    if (state.sending.value || state.answerable.value.length === 0 || !user || !record) return;
    const reply = message.check();
    if (reply === null) return;
    const targets = new Set(state.answerable.value.map((request) => request.id));
    beginSending(state);
    try {
      const calls = await tasks();
      // Someone may have answered first: read again, and answer only what is still open.
      all.value = await calls.readUnlockRequests(record);
      const stillOpen = state.current.value.filter((request) => targets.has(request.id) && request.open);
      const answeredFirst = state.current.value.find((request) => targets.has(request.id) && !request.open);
      const answer = { kind: 'keptLocked', by: user.fullName, reply } as const;
      // The picklists are read only when there is a request to complete.
      if (stillOpen.length > 0) {
        const source = await choices();
        for (const request of stillOpen) {
          const description = answeredDescription(request.description, answer);
          await withTaskChoices(source, (picked) => calls.completeRequest(request.id, description, picked.completed));
          state.closed(request.id, answer);
          recordHistory({ kind: 'keptLocked', by: user.fullName, requester: request.requester.name, reply });
        }
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

  return { keepLocked };
}
