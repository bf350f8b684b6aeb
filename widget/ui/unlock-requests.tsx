import type { UnlockRequest } from '../crm/tasks';
import type { LockModel } from '../model/lock-model';
import type { RecordActivity } from '../model/record-activity';
import type { UnlockRequests } from '../model/unlock-requests';
import { AskPart } from './ask-request';
import { MessageForm } from './message-form';

export interface RequestsProps {
  model: LockModel;
  activity: RecordActivity;
  /** Who answers them (the locker, or whoever a request went to in their place) sees the requests above the status, everyone else below the actions. */
  placement: 'top' | 'below';
}

/** Asking to unlock, the record's open requests, and the answers of whoever they went to. Nothing while unlocked. */
export function RequestsSection({ model, activity, placement }: RequestsProps) {
  const { requests } = activity;
  const t = model.t.value;
  const lock = model.lock.value;
  const answers = requests.isLocker.value || requests.answerable.value.length > 0;
  if (!lock || (placement === 'top') !== answers) return null;
  const failure = requests.failure.value;
  const notice = requests.notice.value;
  return (
    <section class="rl-requests" aria-labelledby="rl-requests-title">
      <p id="rl-requests-title" class="rl-form-title">
        {t('requests.title')}
      </p>
      {failure && (
        <div class="rl-error" role="alert">
          <p>{t(failure.message, failure.params)}</p>
          <div class="rl-buttons">
            {failure.retryable && (
              <button type="button" class="rl-button" disabled={requests.sending.value} onClick={() => void requests.retry()}>
                {t('action.retry')}
              </button>
            )}
            <button type="button" class="rl-button rl-link" onClick={() => requests.dismiss()}>
              {t('action.dismiss')}
            </button>
          </div>
        </div>
      )}
      <div class="rl-notice" aria-live="polite">
        {notice && <p>{t(notice.key, notice.params)}</p>}
      </div>
      <AskPart model={model} requests={requests} />
      <OpenRequests model={model} requests={requests} />
      {requests.answerable.value.length > 0 && <LockerAnswer model={model} requests={requests} />}
    </section>
  );
}

function OpenRequests({ model, requests }: { model: LockModel; requests: UnlockRequests }) {
  const t = model.t.value;
  const open = requests.open.value;
  if (open.length === 0) return null;
  return (
    <ul class="rl-request-list" aria-label={t('requests.title')}>
      {open.map((request) => (
        <RequestItem key={request.id} model={model} request={request} />
      ))}
    </ul>
  );
}

function RequestItem({ model, request }: { model: LockModel; request: UnlockRequest }) {
  const t = model.t.value;
  const time = model.time.value;
  return (
    <li>
      <p>{t('requests.askedBy', { name: request.requester.name, relative: time.relative(request.askedAt) })}</p>
      <p class="rl-muted">
        <time dateTime={request.askedAt}>{time.exact(request.askedAt)}</time>
      </p>
      {request.message && <p class="rl-reason">{t('requests.message', { message: request.message })}</p>}
    </li>
  );
}

function LockerAnswer({ model, requests }: { model: LockModel; requests: UnlockRequests }) {
  const t = model.t.value;
  const busy = requests.sending.value || model.inFlight.value !== null;
  if (requests.form.value === 'keepLocked') {
    return (
      <MessageForm
        model={model}
        requests={requests}
        label={t('requests.reply.label')}
        hint={t('requests.reply.hint')}
        submit={t('requests.keepLocked')}
        onSubmit={() => void requests.keepLocked()}
      />
    );
  }
  return (
    <div class="rl-buttons">
      {model.permissions.value?.unlock.allowed && (
        <button type="button" class="rl-button" disabled={busy} onClick={() => model.openForm('unlock')}>
          {t('requests.unlock')}
        </button>
      )}
      <button type="button" class="rl-button" disabled={busy} onClick={() => requests.openForm('keepLocked')}>
        {t('requests.keepLocked')}
      </button>
    </div>
  );
}

