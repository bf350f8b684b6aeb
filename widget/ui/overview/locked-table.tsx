import type { LockedRecordsModel } from '../../model/locked-records-model';
import type { LockedRow } from '../../model/tab-rows';
import { recordLabel } from '../record-label';
import { RetryButton } from '../retry-button';
import { Paging, RowForm } from './overview-parts';

/** A lock's source in words, naming the rule when the configuration knows it. */
function sourceText(model: LockedRecordsModel, row: LockedRow): string {
  const t = model.t.value;
  const rule = row.ruleName;
  if (row.lock.source === 'Manual') return t('overview.source.manual');
  if (row.lock.source === 'Both') return rule ? t('overview.source.both', { rule }) : t('overview.source.bothUnnamed');
  return rule ? t('overview.source.automatic', { rule }) : t('overview.source.automaticUnnamed');
}

/**
 * The table named "Locked records", newest lock first. The record's name opens it in CRM; a manual
 * lock the viewer may change gets a checkbox named after the record and its own actions.
 */
export function LockedTable({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const rows = model.rows.value;
  const module = model.module.value ?? '';
  const busy = model.inFlight.value !== null || model.bulk.value?.finished === false;
  if (rows.length === 0) return <Paging model={model} />;
  return (
    <>
      <table class="rl-table" aria-label={t('overview.title')}>
        <thead>
          <tr>
            <th scope="col">
              <span class="rl-hidden">{t('overview.column.select')}</span>
            </th>
            <th scope="col">{t('overview.column.record')}</th>
            <th scope="col">{t('overview.column.reason')}</th>
            <th scope="col">{t('overview.column.lockedBy')}</th>
            <th scope="col">{t('overview.column.since')}</th>
            <th scope="col">{t('overview.column.source')}</th>
            <th scope="col">{t('overview.column.requests')}</th>
            <th scope="col">
              <span class="rl-hidden">{t('overview.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <LockedTableRow key={row.record.id} model={model} row={row} module={module} busy={busy} />
          ))}
        </tbody>
      </table>
      <Paging model={model} />
    </>
  );
}

/** One locked record's row, and below it, when open, its form or the failure of its last change. */
function LockedTableRow({ model, row, module, busy }: { model: LockedRecordsModel; row: LockedRow; module: string; busy: boolean }) {
  const t = model.t.value;
  const time = model.time.value;
  const name = recordLabel(t, row.record);
  const open = model.open.value?.recordId === row.record.id ? model.open.value : null;
  const failure = model.rowFailure.value?.recordId === row.record.id ? model.rowFailure.value.failure : null;
  return (
    <>
      <tr>
        <td>
          {row.selectable && (
            <input
              type="checkbox"
              aria-label={t('overview.row.select', { name })}
              checked={model.selected.value.has(row.record.id)}
              disabled={busy}
              onFocus={() => model.prepareChanges()}
              onChange={() => model.toggleSelected(row.record.id)}
            />
          )}
        </td>
        <td>
          <a
            href="#"
            onClick={(event) => {
              event.preventDefault();
              void model.openRecord({ module, recordId: row.record.id });
            }}
          >
            {name}
          </a>
        </td>
        <td class="rl-reason">{row.lock.reason ?? <span class="rl-muted">{t('overview.row.noReason')}</span>}</td>
        <td>{row.lock.lockedBy?.name ?? t('overview.row.byRule')}</td>
        <td>
          <time dateTime={row.lock.lockedAt}>
            {t('overview.row.since', { relative: time.relative(row.lock.lockedAt), time: time.exact(row.lock.lockedAt) })}
          </time>
        </td>
        <td>{sourceText(model, row)}</td>
        <td>{row.openRequests}</td>
        <td class="rl-row-actions">
          {row.permissions.unlock.allowed && (
            <button type="button" class="rl-button" disabled={busy} onFocus={() => model.prepareChanges()} onClick={() => model.openAction(row.record.id, 'unlock')}>
              {t('action.unlock')}
            </button>
          )}
          {row.permissions.editReason.allowed && (
            <button type="button" class="rl-button" disabled={busy} onFocus={() => model.prepareChanges()} onClick={() => model.openAction(row.record.id, 'editReason')}>
              {t('action.editReason')}
            </button>
          )}
        </td>
      </tr>
      {(open || failure) && (
        <tr>
          <td colSpan={8}>
            {failure && (
              <div class="rl-error" role="alert">
                <p>{t('overview.notice.row', { name, message: t(failure.message, failure.params) })}</p>
                {open && <RetryButton model={{ ...model, retry: model.retryRow }} failure={failure} busy={busy} />}
              </div>
            )}
            {open && <RowForm model={model} name={name} action={open.action} />}
          </td>
        </tr>
      )}
    </>
  );
}
