import type { TaskCalls, UnlockRequest } from '../crm/tasks';
import type { Lock, RecordRef } from '../crm/types';
import { answeredDescription } from '../crm/unlock-request-text';
import type { RequestAnswer } from '../crm/unlock-request-text';
import type { HistoryEvent } from './history-line';
import { belongsToLock } from './lock-rules';
import { withTaskChoices } from './task-choices';
import type { TaskChoicesSource } from './task-choices';

/** An unlock Zoho confirmed, with what the viewer gave as its reason ('' for none). */
export interface ConfirmedUnlock {
  record: RecordRef;
  /** The lock that was lifted. */
  lock: Lock;
  /** Who unlocked: the viewer's name. */
  by: string;
  reason: string;
}

export interface FollowUpOutcome {
  /** The history note was written; when not, the page offers to write it again. */
  historyWritten: boolean;
  /** Every open request on the lock was answered (true when there was none). */
  requestsAnswered: boolean;
}

/** What an unlock leaves behind on every page: its history note, and its answer to the open requests. */
export interface UnlockFollowUp {
  /** Never rejects: what could not be done is said in the outcome. */
  unlocked(unlock: ConfirmedUnlock): Promise<FollowUpOutcome>;
}

export interface UnlockFollowUpDependencies {
  /** Writes one history note; resolves false when it could not. */
  writeHistory(record: RecordRef, event: HistoryEvent): Promise<boolean>;
  tasks: () => Promise<TaskCalls>;
  choices: () => Promise<TaskChoicesSource>;
  /**
   * The record's requests when the page has read them for this lock; undefined: they are read (one
   * COQL call). Taken at once, before anything is sent.
   */
  knownRequests?(unlock: ConfirmedUnlock): UnlockRequest[] | undefined;
  /** Told of each open request the unlock answers, before its task is completed: the page shows it answered at once. */
  answering?(taskId: string, answer: Exclude<RequestAnswer, null>): void;
}

/**
 * The one follow-up of an unlock, whatever page made it: a history note naming who unlocked and
 * why, and the open requests on that lock completed with the same words, so the person who asked
 * sees why. Two calls (note, task), plus one COQL read when the page does not know the requests,
 * plus one picklist read when none is cached.
 * @example await createUnlockFollowUp({ writeHistory, tasks, choices }).unlocked({ record, lock, by: 'Rita Rep', reason: 'Signed' })
 */
export function createUnlockFollowUp(dependencies: UnlockFollowUpDependencies): UnlockFollowUp {
  return {
    unlocked(unlock) {
      const { record, by, reason } = unlock;
      const answer = { kind: 'unlocked', by, reason } as const;
      // Taken before any await, so that the page shows them answered before it looks at them again.
      const known = dependencies.knownRequests?.(unlock);
      known?.filter(isOpenOn(unlock.lock)).forEach((request) => dependencies.answering?.(request.id, answer));
      return Promise.all([
        dependencies.writeHistory(record, { kind: 'unlocked', by, reason }),
        answerRequests(dependencies, unlock, known, answer),
      ]).then(([historyWritten, requestsAnswered]) => ({ historyWritten, requestsAnswered }));
    },
  };
}

const isOpenOn = (lock: Lock) => (request: UnlockRequest) => request.open && belongsToLock(lock.lockedAt, request.askedAt);

/** Completes the open requests on the lock with the unlock's answer; false when any could not be. */
async function answerRequests(
  { tasks, choices, answering }: UnlockFollowUpDependencies,
  unlock: ConfirmedUnlock,
  known: UnlockRequest[] | undefined,
  answer: Exclude<RequestAnswer, null>,
): Promise<boolean> {
  try {
    const calls = await tasks();
    let open = known?.filter(isOpenOn(unlock.lock));
    if (open === undefined) {
      open = (await calls.readUnlockRequests(unlock.record)).filter(isOpenOn(unlock.lock));
      open.forEach((request) => answering?.(request.id, answer));
    }
    if (open.length === 0) return true;
    const source = await choices();
    let answered = true;
    for (const request of open) {
      try {
        await withTaskChoices(source, (picked) => calls.completeRequest(request.id, answeredDescription(request.description, answer), picked.completed));
      } catch {
        // The record is unlocked, which answers the request; its task closes when a party to it next sees it.
        answered = false;
      }
    }
    return answered;
  } catch {
    return false;
  }
}
