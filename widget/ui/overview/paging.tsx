import '../ui-base';
import type { LockedRecordsModel } from '../../model/locked-records-model';

/** Previous and next page of the search; the page number says where the viewer is. */
export function Paging({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const page = model.list.page.value;
  const loading = model.list.phase.value === 'loading';
  if (page === 1 && !model.list.hasNextPage.value) return null;
  return (
    <nav class="rl-buttons" aria-label={t('overview.list.page', { page })}>
      <button type="button" class="rl-button" disabled={loading || page === 1} onClick={() => void model.goToPage(page - 1)}>
        {t('overview.list.previous')}
      </button>
      <span>{t('overview.list.page', { page })}</span>
      <button type="button" class="rl-button" disabled={loading || !model.list.hasNextPage.value} onClick={() => void model.goToPage(page + 1)}>
        {t('overview.list.next')}
      </button>
    </nav>
  );
}
