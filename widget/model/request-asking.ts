import { batch } from '@preact/signals-core';
import { hasCode } from '../crm/crm-error';
import type { UnlockRequest } from '../crm/tasks';
import { knownTimeZone } from '../i18n/format-time';
import { describeFailure } from './describe-failure';
import { failureOf } from './failure';
import type { RequestReads } from './request-reads';
import { findRoute } from './request-route';
import type { RequestRoute } from './request-route';
import type { RequestState, UnlockRequestsDependencies } from './request-state';
import { withTaskChoices } from './task-choices';

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

/** Zoho refused the task's owner: the recipient left, or was never able to own it (its INVALID_DATA on Owner). */
const ownerRefused = (error: unknown) => hasCode(error, 'INVALID_DATA') && error.details['api_name'] === 'Owner';

/**
 * Finding who receives a request: when the form opens, and again past every cache when Zoho refused
 * the person shown (the form then names the next one, and the asker sends again).
 */
function createRouting(state: RequestState, { lockModel, routeReads }: UnlockRequestsDependencies) {
  /** Says who the request goes to; `fresh` reads past what this view or the cache knows. */
  async function route(fresh: boolean): Promise<RequestRoute | null> {
    const locker = lockModel.lock.value?.lockedBy;
    const user = lockModel.user.value;
    if (!locker || !user) return null;
    state.routing.value = true;
    try {
      const facts = { locker, owner: lockModel.recordOwner.value, askerId: user.id };
      return (state.route.value = await findRoute(facts, await routeReads(), fresh));
    } catch (error) {
      state.retryLast = async () => void (await route(fresh));
      state.failure.value = describeFailure(error);
      return null;
    } finally {
      state.routing.value = false;
    }
  }

  /** The recipient Zoho refused left meanwhile: the route is found again and shown, the message kept for the asker to send. */
  async function reroute(refused: Extract<RequestRoute, { recipient: unknown }>): Promise<void> {
    const next = await route(true);
    // Not found (its failure is shown), or nobody left to ask (the form says so).
    if (!next || next.kind === 'nobody') return;
    if (next.recipient.id !== refused.recipient.id) {
      state.notice.value = { key: 'requests.notice.rerouted', params: { previous: refused.recipient.name, name: next.recipient.name } };
    } else {
      state.failure.value = failureOf('requests.error.inactiveLocker', false, { name: refused.recipient.name });
    }
  }

  return { route, reroute };
}

/**
 * Asking the person the form names, with the typed message (over the limit, nothing is sent), after
 * reading the requests again: another window may have asked meanwhile.
 */
export function createAsking(state: RequestState, reads: RequestReads, dependencies: UnlockRequestsDependencies) {
  const { tasks, choices, lockModel, now, recordHistory } = dependencies;
  const { all, message } = state;
  const { route, reroute } = createRouting(state, dependencies);

  async function ask(): Promise<void> {
    const lock = lockModel.lock.value;
    const user = lockModel.user.value;
    const record = lockModel.record.value;
    const sendTo = state.route.value;
    if (state.sending.value || state.askBlock.value !== null || !lock?.lockedBy || !user || !record) return;
    // A route found for another locker (the record was locked again meanwhile) is found again first.
    if (!sendTo || sendTo.locker.id !== lock.lockedBy.id) {
      await route(false);
      return;
    }
    if (sendTo.kind === 'nobody') return;
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
      const source = await choices();
      const created = await withTaskChoices(source, (picked) =>
        calls.askToUnlock({
          record,
          recordName: lockModel.recordName.value ?? record.recordId,
          recipientId: sendTo.recipient.id,
          requesterName: user.fullName,
          message: text,
          dueDate: todayIn(user.timeZone, now()),
          priority: picked.high,
        }),
      );
      const request: UnlockRequest = {
        id: created.id,
        open: true,
        requester: { id: user.id, name: user.fullName },
        ownerId: sendTo.recipient.id,
        message: text,
        answer: null,
        askedAt: created.askedAt,
        description: '',
      };
      batch(() => {
        all.value = [request, ...all.value];
        state.form.value = null;
        message.set('');
        state.notice.value = { key: 'requests.notice.sent', params: { name: sendTo.recipient.name } };
      });
      reads.rememberOpen();
      recordHistory({ kind: 'asked', by: user.fullName, locker: sendTo.recipient.name });
    } catch (error) {
      if (ownerRefused(error)) {
        await reroute(sendTo);
      } else {
        state.retryLast = ask;
        state.failure.value = describeFailure(error);
      }
    } finally {
      state.sending.value = false;
    }
  }
  return { ask, route };
}
