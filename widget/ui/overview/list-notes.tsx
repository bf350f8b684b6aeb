import '../ui-base';
import type { LockedRecordsModel } from '../../model/locked-records-model';
import { RetryButton } from '../retry-button';

/**
 * Why no list is shown (Zoho refused both ways of finding locked records, or the call failed), a
 * failure met while the rows loaded (Zoho's limit), and the notes on records left out. The rows
 * already shown stay below.
 */
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
  const unread = model.list.unread.value;
  return (
    <>
      {failure && (
        <div class="rl-error" role="alert">
          <p>{t(failure.message, failure.params)}</p>
          <RetryButton model={model} failure={failure} />
        </div>
      )}
      {model.list.dropped.value > 0 && <p class="rl-muted">{t('overview.list.dropped', { count: model.list.dropped.value })}</p>}
      {unread.length > 0 && (
        <p class="rl-muted">{t('overview.list.unread', { names: unread.map((r) => r.name || r.id).join(', ') })}</p>
      )}
    </>
  );
}
