import { batch } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { UnlockRequest } from '../crm/tasks';
import type { Failure } from './failure';
import type { MessageDraft } from './message-draft';
import { createAnswers } from './request-answers';
import { createAsking } from './request-asking';
import { createRequestReads } from './request-reads';
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

/**
 * The record's unlock requests: read once per lock while it is locked, asked by a viewer whom a manual
 * lock binds, answered by the locker (Keep locked here; Unlock through the lock model).
 */
export function createUnlockRequests(dependencies: UnlockRequestsDependencies): UnlockRequests {
  const state = createRequestState(dependencies.lockModel);
  const reads = createRequestReads(state, dependencies);
  const { ask } = createAsking(state, reads, dependencies);
  const answers = createAnswers(state, reads, dependencies);
  const { form, notice, failure, message } = state;
  return {
    loading: state.loading,
    open: state.open,
    mine: state.mine,
    isLocker: state.isLocker,
    askBlock: state.askBlock,
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
    },
    closeForm() {
      if (state.sending.value) return;
      batch(() => {
        form.value = null;
        message.set('');
      });
    },
    ask,
    keepLocked: answers.keepLocked,
    async retry() {
      const again = state.retryLast;
      state.retryLast = null;
      failure.value = null;
      if (again) await again();
    },
    dismiss: () => void (failure.value = null),
    dispose() {
      reads.dispose();
      answers.dispose();
    },
  };
}
