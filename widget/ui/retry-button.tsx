import type { ReadonlySignal } from '@preact/signals-core';
import type { TimeFormat } from '../i18n/format-time';
import type { Translate } from '../i18n/messages';
import type { Failure } from '../model/failure';

/** What a page lends its retry: its words and times, Zoho's API limit, and what Try again repeats. */
export interface Retrying {
  t: ReadonlySignal<Translate>;
  time: ReadonlySignal<TimeFormat>;
  waitUntil: ReadonlySignal<number | null>;
  retry(): Promise<void>;
}

/**
 * Try again, when trying again can help; while Zoho's API limit holds it is not offered, and the
 * page says when it will be.
 */
export function RetryButton({ model, failure, busy = false }: { model: Retrying; failure: Failure; busy?: boolean }) {
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
