import type { Failure } from '../model/failure';
import type { LockModel } from '../model/lock-model';

/**
 * Try again, when trying again can help; while Zoho's API limit holds it is not offered, and the
 * panel says when it will be.
 */
export function RetryButton({ model, failure, busy = false }: { model: LockModel; failure: Failure; busy?: boolean }) {
  const t = model.t.value;
  const until = model.waitUntil.value;
  if (until !== null) return <p class="rl-muted">{t('error.retryAfter', { time: model.time.value.exact(new Date(until).toISOString()) })}</p>;
  if (!failure.retryable) return null;
  return (
    <button type="button" class="rl-button" disabled={busy} onClick={() => void model.retry()}>
      {t('action.retry')}
    </button>
  );
}
