import type { UnlockRequest } from '../crm/tasks';
import type { LockModel } from '../model/lock-model';
import type { RecordActivity } from '../model/record-activity';
import type { UnlockRequests } from '../model/unlock-requests';

export interface RequestsProps {
  model: LockModel;
  activity: RecordActivity;
  /** The locker sees the requests above the status, everyone else below the actions. */
  placement: 'top' | 'below';
}

/** Asking to unlock, the record's open requests, and the locker's answers. Nothing while unlocked. */
export function RequestsSection({ model, activity, placement }: RequestsProps) {
  const { requests } = activity;
  const t = model.t.value;
  const lock = model.lock.value;
  if (!lock || (placement === 'top') !== requests.isLocker.value) return null;
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
      {requests.isLocker.value && requests.open.value.length > 0 && <LockerAnswer model={model} requests={requests} />}
    </section>
  );
}

function AskPart({ model, requests }: { model: LockModel; requests: UnlockRequests }) {
  const t = model.t.value;
  const block = requests.askBlock.value;
  const mine = requests.mine.value;
  const lock = model.lock.value;
  const locker = lock?.lockedBy?.name ?? '';
  if (block === 'ruleHeld') {
    if (!model.permissions.value?.bindsViewer) return null;
    const rule = model.ruleName.value;
    return <p class="rl-why">{rule ? t('requests.ruleHeld', { rule }) : t('requests.ruleHeldUnnamed')}</p>;
  }
  return (
    <>
      {mine && !mine.open && mine.answer?.kind === 'keptLocked' && (
        <div class="rl-answer">
          <p>{t('requests.yours.keptLocked', { name: mine.answer.by })}</p>
          {mine.answer.reply && <p class="rl-reason">{t('requests.yours.reply', { reply: mine.answer.reply })}</p>}
        </div>
      )}
      {block === 'alreadyAsked' && mine && (
        <p>{t('requests.yours.open', { name: locker, relative: model.time.value.relative(mine.askedAt) })}</p>
      )}
      {block === null && requests.form.value !== 'ask' && (
        <div class="rl-buttons">
          <button type="button" class="rl-button" disabled={requests.sending.value} onClick={() => requests.openForm('ask')}>
            {t('requests.ask')}
          </button>
        </div>
      )}
      {block === null && requests.form.value === 'ask' && (
        <MessageForm
          model={model}
          requests={requests}
          label={t('requests.message.label')}
          hint={t('requests.message.hint', { name: locker })}
          submit={t('requests.send')}
          onSubmit={() => void requests.ask()}
        />
      )}
    </>
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

interface MessageFormProps {
  model: LockModel;
  requests: UnlockRequests;
  label: string;
  hint: string;
  submit: string;
  onSubmit: () => void;
}

/** The optional message or reply: counted as typed, refused over the limit, kept on failure. */
function MessageForm({ model, requests, label, hint, submit, onSubmit }: MessageFormProps) {
  const t = model.t.value;
  const { message } = requests;
  const busy = requests.sending.value;
  const tooLong = message.tooLong.value;
  return (
    <form
      class="rl-form"
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label for="rl-request-message">{label}</label>
      <textarea
        id="rl-request-message"
        rows={3}
        value={message.text.value}
        readOnly={busy}
        aria-invalid={tooLong}
        aria-describedby={`rl-request-hint rl-request-counter${tooLong ? ' rl-request-problem' : ''}`}
        onInput={(event) => message.set(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') requests.closeForm();
        }}
      />
      <p id="rl-request-hint" class="rl-muted">
        {hint}
      </p>
      <p id="rl-request-counter" class={message.length.value > message.maxLength ? 'rl-counter rl-counter--over' : 'rl-counter'}>
        {t('form.reason.counter', { count: message.length.value, max: message.maxLength })}
      </p>
      {tooLong && (
        <p id="rl-request-problem" class="rl-problem" role="alert">
          {t('requests.message.tooLong', { length: message.length.value, max: message.maxLength })}
        </p>
      )}
      <div class="rl-buttons">
        <button type="submit" class="rl-button rl-primary" disabled={busy}>
          {submit}
        </button>
        <button type="button" class="rl-button" disabled={busy} onClick={() => requests.closeForm()}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
