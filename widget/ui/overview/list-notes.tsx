import '../ui-base';
import type { LockedRecordsModel } from '../../model/locked-records-model';

/** Why no list is shown (Zoho refused the criterion, or the search failed), and the notes on records left out. */
export function ListNotes({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const phase = model.list.phase.value;
  const failure = model.list.failure.value;
  if (phase === 'refused') {
    return (
      <div class="rl-error" role="alert">
        <p>{t('overview.refused')}</p>
        <p>{t('overview.refused.howTo')}</p>
      </div>
    );
  }
  if (phase === 'failed') {
    return (
      <div class="rl-error" role="alert">
        {failure && <p>{t(failure.message, failure.params)}</p>}
        <button type="button" class="rl-button" onClick={() => void model.reload()}>
          {t('action.retry')}
        </button>
      </div>
    );
  }
  const unread = model.list.unread.value;
  return (
    <>
      {model.list.dropped.value > 0 && <p class="rl-muted">{t('overview.list.dropped', { count: model.list.dropped.value })}</p>}
      {unread.length > 0 && (
        <p class="rl-muted">{t('overview.list.unread', { names: unread.map((r) => r.name || r.id).join(', ') })}</p>
      )}
    </>
  );
}
