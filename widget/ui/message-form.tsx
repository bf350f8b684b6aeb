import type { LockModel } from '../model/lock-model';
import type { UnlockRequests } from '../model/unlock-requests';

export interface MessageFormProps {
  model: LockModel;
  requests: UnlockRequests;
  label: string;
  hint: string;
  submit: string;
  /** false while there is nothing to send yet (no one found to receive it): the text stays editable. */
  canSubmit?: boolean;
  onSubmit: () => void;
}

/** The optional message or reply: counted as typed, refused over the limit, kept on failure. */
export function MessageForm({ model, requests, label, hint, submit, canSubmit = true, onSubmit }: MessageFormProps) {
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
        if (canSubmit) onSubmit();
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
        <button type="submit" class="rl-button rl-primary" disabled={busy || !canSubmit}>
          {submit}
        </button>
        <button type="button" class="rl-button" disabled={busy} onClick={() => requests.closeForm()}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
