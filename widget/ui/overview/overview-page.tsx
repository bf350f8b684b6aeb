// Preact's signal integration: every component renders again when a signal it read changes.
import '@preact/signals';
import type { LockedRecordsModel } from '../../model/locked-records-model';
import { StartState } from '../start-state';
import { BulkProgress } from './bulk-progress';
import { ListState } from './list-state';
import { LockedTable } from './locked-table';
import { ModulePicker } from './module-picker';
import { FilterBar, MissedNotes } from './overview-parts';

/** The Web Tab: start-up states, then the module picker, the filters, the list and the bulk unlock. */
export function OverviewPage({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const phase = model.phase.value;
  if (phase !== 'ready') return <StartState model={model} loading="overview.loading" failed="overview.failed" />;
  return (
    <div class="rl-overview">
      <h1 class="rl-title">{t('overview.title')}</h1>
      {model.modules.value.length === 0 ? (
        <p class="rl-held">{t('overview.module.none')}</p>
      ) : (
        <>
          <ModulePicker model={model} />
          <FilterBar model={model} />
          <RowNotice model={model} />
          {model.history.value && <MissedNotes model={model} />}
          <BulkProgress model={model} />
          <ListState model={model} />
          <LockedTable model={model} />
        </>
      )}
    </div>
  );
}

/** What just happened to one row (unlocked, saved, someone else was first), without moving focus. */
function RowNotice({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const notice = model.notice.value;
  return (
    <div class="rl-notice" aria-live="polite">
      {notice && <p>{t('overview.notice.row', { name: notice.recordName, message: t(notice.key, notice.params) })}</p>}
    </div>
  );
}
