import type { BulkResult, LockedRecordsModel } from '../../model/locked-records-model';
import type { Translate } from '../../i18n/messages';

function resultText(t: Translate, { record, outcome, failure }: BulkResult): string {
  const name = record.name || t('overview.row.unnamed', { id: record.id });
  if (outcome === 'failed' && failure) return t('overview.bulk.failed', { name, message: t(failure.message, failure.params) });
  const key = outcome === 'unlocked' ? 'overview.bulk.unlocked' : outcome === 'alreadyUnlocked' ? 'overview.bulk.alreadyUnlocked' : 'overview.bulk.changed';
  return t(key, { name });
}

/** A bulk unlock's progress, each record's result by name, and a summary once all have settled. */
export function BulkReport({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const run = model.bulk.value;
  if (!run) return null;
  const tally = (outcome: BulkResult['outcome']) => run.results.filter((r) => r.outcome === outcome).length;
  return (

        <section class="rl-confirm" aria-label={t('overview.bulk.title')}>
          <p class="rl-form-title">{t('overview.bulk.title')}</p>
          <progress max={run.total} value={run.results.length} aria-label={t('overview.bulk.title')} />
          <p aria-live="polite">
            {run.finished
              ? t('overview.bulk.summary', { unlocked: tally('unlocked'), already: tally('alreadyUnlocked'), changed: tally('changed'), failed: tally('failed') })
              : t('overview.bulk.progress', { done: run.results.length, total: run.total })}
          </p>
          <ul>
            {run.results.map((result) => (
              <li key={result.record.id} class={result.outcome === 'failed' ? 'rl-problem' : undefined}>
                {resultText(t, result)}
              </li>
            ))}
          </ul>
          {run.finished && (
            <button type="button" class="rl-button" onClick={() => model.dismissBulk()}>
              {t('action.dismiss')}
            </button>
          )}
        </section>
      );
}
