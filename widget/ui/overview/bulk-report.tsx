import '../ui-base';
import type { LockedRecordsModel } from '../../model/locked-records-model';
import type { BulkResult } from '../../model/tab-actions';
import type { Translate } from '../../i18n/messages';

function resultText(t: Translate, { record, outcome, failure }: BulkResult): string {
  const name = record.name || t('overview.row.unnamed', { id: record.id });
  if (outcome === 'failed' && failure) return t('overview.bulk.failed', { name, message: t(failure.message, failure.params) });
  const key = outcome === 'unlocked' ? 'overview.bulk.unlocked' : outcome === 'alreadyUnlocked' ? 'overview.bulk.alreadyUnlocked' : 'overview.bulk.changed';
  return t(key, { name });
}

const TALLIES = [
  ['unlocked', 'overview.bulk.count.unlocked'],
  ['alreadyUnlocked', 'overview.bulk.count.alreadyUnlocked'],
  ['changed', 'overview.bulk.count.changed'],
  ['failed', 'overview.bulk.count.failed'],
] as const;

/** The confirmation before a bulk unlock; focus starts on Cancel, the harmless choice. */
export function BulkConfirm({ model, count, close }: { model: LockedRecordsModel; count: number; close: () => void }) {
  const t = model.t.value;
  return (
    <div class="rl-confirm" role="group" aria-label={t('overview.bulk.confirm', { count })} onKeyDown={(event) => event.key === 'Escape' && close()}>
      <p class="rl-form-title">{t('overview.bulk.confirm', { count })}</p>
      <div class="rl-buttons">
        <button
          type="button"
          class="rl-button rl-danger"
          onClick={() => {
            close();
            void model.unlockSelected();
          }}
        >
          {t('action.confirmUnlock')}
        </button>
        <button type="button" class="rl-button" autoFocus onClick={close}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
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
      <div aria-live="polite">
        {run.finished ? (
          <>
            <p>{t('overview.bulk.done')}</p>
            {TALLIES.filter(([outcome]) => tally(outcome) > 0).map(([outcome, key]) => (
              <p key={outcome}>{t(key, { count: tally(outcome) })}</p>
            ))}
          </>
        ) : (
          <p>{t('overview.bulk.progress', { done: run.results.length, total: run.total })}</p>
        )}
      </div>
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
