import type { LockedRecordsModel } from '../../model/locked-records-model';
import { ListNotes } from './overview-parts';

/** Loading and empty states of the list; refusals, failures and notes on records left out load on demand. */
export function ListState({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const phase = model.list.phase.value;
  const notes = phase === 'refused' || model.list.failure.value !== null || model.list.dropped.value > 0 || model.list.unread.value.length > 0;
  return (
    <div aria-live="polite">
      {phase === 'loading' && <p class="rl-muted">{t('overview.list.loading')}</p>}
      {phase === 'loaded' && model.list.loaded.value.length === 0 && model.list.unread.value.length === 0 && <p>{t('overview.list.empty')}</p>}
      {phase === 'loaded' && model.list.loaded.value.length > 0 && model.rows.value.length === 0 && <p>{t('overview.list.emptyFiltered')}</p>}
      {notes && <ListNotes model={model} />}
    </div>
  );
}
