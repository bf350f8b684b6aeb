import type { LockModel } from '../model/lock-model';
import { RetryButton } from './retry-button';

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
        <RetryButton model={model} failure={error} busy={busy} />
        <button type="button" class="rl-button rl-link" onClick={() => model.dismissError()}>
          {t('action.dismiss')}
        </button>
      </div>
    </div>
  );
}
