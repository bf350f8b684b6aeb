import type { LockModel } from '../model/lock-model';
import { RetryButton } from './retry-button';

/** Loading, "open me inside Zoho CRM", or why start-up failed (with a retry when it can help). */
export function StartState({ model }: { model: LockModel }) {
  const t = model.t.value;
  const failure = model.startFailure.value;
  if (model.phase.value === 'starting') {
    return (
      <p class="rl-loading rl-muted" aria-live="polite" aria-busy="true">
        {t('start.loading')}
      </p>
    );
  }
  if (model.phase.value === 'unavailable') return <p class="rl-held">{t('start.unavailable')}</p>;
  return (
    <div class="rl-error" role="alert">
      <p>{t('start.failed')}</p>
      {failure && failure.message !== 'start.failed' && <p>{t(failure.message, failure.params)}</p>}
      {failure && <RetryButton model={model} failure={failure} />}
    </div>
  );
}
