import { batch } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { UnlockRequest } from '../crm/tasks';
import type { RequestAnswer } from '../crm/unlock-request-text';
import type { Failure } from './failure';
import type { MessageDraft } from './message-draft';
import { createAnswers } from './request-answers';
import { createAsking } from './request-asking';
import { createRequestReads } from './request-reads';
import type { RequestRoute } from './request-route';
import { createRequestState } from './request-state';
import type { AskBlock, RequestForm, RequestNotice, UnlockRequestsDependencies } from './request-state';

export interface UnlockRequests {
  /** Reading the record's requests (only while it is locked). */
  loading: ReadonlySignal<boolean>;
  /** Open requests on the current lock, newest first. */
  open: ReadonlySignal<UnlockRequest[]>;
  /** The viewer's latest request on the current lock, open or answered. */
  mine: ReadonlySignal<UnlockRequest | null>;
  /** The viewer set this lock: they answer the requests. */
  isLocker: ReadonlySignal<boolean>;
  /** The open requests the viewer answers: every one for the locker, else those sent to them in the locker's place. */
  answerable: ReadonlySignal<UnlockRequest[]>;
  /** null while the record is unlocked. */
  askBlock: ReadonlySignal<AskBlock | null | undefined>;
  /** Who the request being written goes to, once found; the form says it before anything is sent. */
  route: ReadonlySignal<RequestRoute | null>;
  routing: ReadonlySignal<boolean>;
  form: ReadonlySignal<RequestForm | null>;
  message: MessageDraft;
  sending: ReadonlySignal<boolean>;
  failure: ReadonlySignal<Failure | null>;
  notice: ReadonlySignal<RequestNotice | null>;
  /** Opens a form; the ask form finds who will receive the request (the only time that is read). */
  openForm(form: RequestForm): void;
  closeForm(): void;
  /** Sends the request with the typed message to the route shown; over the limit, nothing is sent. */
  ask(): Promise<void>;
  /** Completes the open requests the viewer answers with the typed reply; the lock stays. */
  keepLocked(): Promise<void>;
  retry(): Promise<void>;
  dismiss(): void;
  /** The record's requests, when they were read for the lock `lockId`: an unlock's follow-up then reads none. */
  knownFor(lockId: string): UnlockRequest[] | undefined;
  /** Shows a request answered at once, as its task is being completed. */
  answering(taskId: string, answer: Exclude<RequestAnswer, null>): void;
  dispose(): void;
}

/**
 * The record's unlock requests: read once per lock while it is locked, asked by a viewer whom a manual
 * lock binds (of its locker, else of whoever can answer in their place), answered by Keep locked here
 * and by an unlock's follow-up.
 */
export function createUnlockRequests(dependencies: UnlockRequestsDependencies): UnlockRequests {
  const state = createRequestState(dependencies.lockModel);
  const reads = createRequestReads(state, dependencies);
  const asking = createAsking(state, reads, dependencies);
  const answers = createAnswers(state, reads, dependencies);
  const { form, notice, failure, message } = state;
  return {
    loading: state.loading,
    open: state.open,
    mine: state.mine,
    isLocker: state.isLocker,
    answerable: state.answerable,
    askBlock: state.askBlock,
    route: state.route,
    routing: state.routing,
    form,
    message,
    sending: state.sending,
    failure,
    notice,
    openForm(next) {
      batch(() => {
        form.value = next;
        notice.value = null;
        failure.value = null;
      });
      if (next === 'ask') void asking.route(false);
    },
    closeForm() {
      if (state.sending.value) return;
      batch(() => {
        form.value = null;
        message.set('');
      });
    },
    ask: asking.ask,
    keepLocked: answers.keepLocked,
    async retry() {
      const again = state.retryLast;
      state.retryLast = null;
      failure.value = null;
      if (again) await again();
    },
    dismiss: () => void (failure.value = null),
    knownFor: reads.knownFor,
    answering: (taskId, answer) => state.closed(taskId, answer),
    dispose: reads.dispose,
  };
}
