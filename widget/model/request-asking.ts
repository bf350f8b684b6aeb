import { batch } from '@preact/signals-core';
import { hasCode } from '../crm/crm-error';
import type { UnlockRequest } from '../crm/tasks';
import { knownTimeZone } from '../i18n/format-time';
import { describeFailure } from './describe-failure';
import { failureOf } from './failure';
import type { RequestReads } from './request-reads';
import type { RequestState, UnlockRequestsDependencies } from './request-state';

/** Today's date, YYYY-MM-DD, in the given time zone. */
function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: knownTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A send begins: the last failure and notice go. */
export function beginSending(state: RequestState): void {
  batch(() => {
    state.sending.value = true;
    state.failure.value = null;
    state.notice.value = null;
  });
}

/**
 * Asks the locker to unlock, with the typed message (over the limit, nothing is sent), after
 * reading the requests again: another window may have asked meanwhile.
 */
export function createAsking(state: RequestState, reads: RequestReads, { tasks, lockModel, now, recordHistory }: UnlockRequestsDependencies) {
  const { all, message } = state;
  async function ask(): Promise<void> {
    const lock = lockModel.lock.value;
    const user = lockModel.user.value;
    const record = lockModel.record.value;
    if (state.sending.value || state.askBlock.value !== null || !lock?.lockedBy || !user || !record) return;
    const text = message.check();
    if (text === null) return;
    beginSending(state);
    try {
      const calls = await tasks();
      all.value = await calls.readUnlockRequests(record);
      reads.rememberOpen();
      if (state.mine.value?.open) {
        batch(() => {
          state.form.value = null;
          state.notice.value = { key: 'requests.notice.alreadyOpen' };
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
        state.form.value = null;
        message.set('');
        state.notice.value = { key: 'requests.notice.sent', params: { name: lock.lockedBy?.name ?? '' } };
      });
      reads.rememberOpen();
      recordHistory({ kind: 'asked', by: user.fullName, locker: lock.lockedBy.name });
    } catch (error) {
      state.retryLast = ask;
      state.failure.value = hasCode(error, 'INVALID_DATA') && error.details['api_name'] === 'Owner'
        ? failureOf('requests.error.inactiveLocker', false, { name: lock.lockedBy.name })
        : describeFailure(error);
    } finally {
      state.sending.value = false;
    }
  }
  return { ask };
}
