import '../ui-base';
import type { LockedRecordsModel } from '../../model/locked-records-model';
import type { BulkResult } from '../../model/tab-actions';
import type { Translate } from '../../i18n/messages';
import { ReasonField } from '../reason-field';
import { recordLabel } from '../record-label';

function resultText(t: Translate, { record, outcome, failure }: BulkResult): string {
  const name = recordLabel(t, record);
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

/**
 * The confirmation before a bulk unlock, with the optional reason every record gets; one over Zoho's
 * limit keeps the confirmation open with its text. Focus starts on Cancel, the harmless choice.
 */
export function BulkConfirm({ model, count, close }: { model: LockedRecordsModel; count: number; close: () => void }) {
  const t = model.t.value;
  const draft = model.bulkDraft.value;
  const confirm = () => {
    // Checked here too, so that a refused reason keeps the confirmation, and its text, on screen.
    // Until the code behind the changes is here there is no box, so nothing typed to check.
    if (draft?.check(true) === null) return;
    close();
    void model.unlockSelected();
  };
  return (
    <div class="rl-confirm" role="group" aria-label={t('overview.bulk.confirm', { count })} onKeyDown={(event) => event.key === 'Escape' && close()}>
      <p class="rl-form-title">{t('overview.bulk.confirm', { count })}</p>
      {draft && <ReasonField id="rl-bulk-reason" t={t} draft={draft} busy={false} optional autoFocus={false} onSave={confirm} onCancel={close} />}
      <div class="rl-buttons">
        <button type="button" class="rl-button rl-danger" onClick={confirm}>
          {t('action.confirmUnlock')}
        </button>
        <button type="button" class="rl-button" autoFocus onClick={close}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Unlocks whose history note could not be written, with a way to write them again. */
export function MissedNotes({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const writer = model.history.value;
  const missed = writer?.missed.value.length ?? 0;
  if (!writer || missed === 0) return null;
  return (
    <div class="rl-error" role="alert">
      <p>{t('overview.history.missed', { count: missed })}</p>
      <button type="button" class="rl-button" disabled={writer.writing.value} onClick={() => void writer.writeMissed()}>
        {t('history.writeAgain')}
      </button>
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
