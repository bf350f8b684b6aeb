import type { LockModel } from '../model/lock-model';

/** The last failure, in role="alert", with a retry when trying again can help. */
export function ErrorNotice({ model }: { model: LockModel }) {
  const t = model.t.value;
  const error = model.error.value;
  if (!error) return null;
  const busy = model.inFlight.value !== null || model.refreshing.value;
  return (
    <div class="rl-error" role="alert">
      <p>{t(error.message, error.params)}</p>
      <div class="rl-buttons">
        {error.retryable && (
          <button type="button" class="rl-button" disabled={busy} onClick={() => void model.retry()}>
            {t('action.retry')}
          </button>
        )}
        <button type="button" class="rl-button rl-link" onClick={() => model.dismissError()}>
          {t('action.dismiss')}
        </button>
      </div>
    </div>
  );
}
