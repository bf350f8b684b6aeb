import type { ReadonlySignal } from '@preact/signals-core';
import type { MessageKey } from '../i18n/messages';
import type { Failure } from '../model/failure';
import type { Phase } from '../model/page-core';
import { RetryButton, type Retrying } from './retry-button';

/** What every page's store has while it starts. */
export interface Starting extends Retrying {
  phase: ReadonlySignal<Phase>;
  startFailure: ReadonlySignal<Failure | null>;
}

/**
 * What a page shows until it is ready: loading, "open me inside Zoho CRM", or why start-up failed,
 * in the page's own words, with a retry when it can help.
 */
export function StartState({ model, loading, failed }: { model: Starting; loading: MessageKey; failed: MessageKey }) {
  const t = model.t.value;
  const failure = model.startFailure.value;
  if (model.phase.value === 'starting') {
    return (
      <p class="rl-loading rl-muted" aria-live="polite" aria-busy="true">
        {t(loading)}
      </p>
    );
  }
  if (model.phase.value === 'unavailable') return <p class="rl-held">{failure && t(failure.message, failure.params)}</p>;
  return (
    <div class="rl-error" role="alert">
      <p>{t(failed)}</p>
      {failure && failure.message !== failed && <p>{t(failure.message, failure.params)}</p>}
      {failure && <RetryButton model={model} failure={failure} />}
    </div>
  );
}
