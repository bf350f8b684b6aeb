import '../ui-base';
import type { LockedRecordsModel } from '../../model/locked-records-model';
import type { LockedByFilter, SourceFilter } from '../../model/overview-filters';
import { validDays } from '../../model/valid-days';

const lockedByValue = (filter: LockedByFilter) => (filter.kind === 'user' ? `user:${filter.id}` : filter.kind);
const lockedByOf = (value: string): LockedByFilter =>
  value.startsWith('user:') ? { kind: 'user', id: value.slice(5) } : value === 'me' ? { kind: 'me' } : { kind: 'anyone' };

/** Locked by, source and age filters; they apply to the locks this page loaded, and say so. */
export function FilterBar({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const filters = model.filters.value;
  const viewerId = model.user.value?.id;
  // The viewer is "Me"; a stored user who locked nothing loaded here is still offered, so the choice stays visible.
  const lockers = model.lockers.value.filter((locker) => locker.id !== viewerId);
  const storedUser = filters.lockedBy.kind === 'user' && !lockers.some((l) => l.id === (filters.lockedBy as { id: string }).id);
  return (
    <fieldset class="rl-filters">
      <legend>{t('overview.filters.label')}</legend>
      <label>
        {t('overview.filters.lockedBy')}{' '}
        <select
          value={lockedByValue(filters.lockedBy)}
          onChange={(event) => model.setFilters({ ...filters, lockedBy: lockedByOf(event.currentTarget.value) })}
        >
          <option value="anyone">{t('overview.filters.anyone')}</option>
          <option value="me">{t('overview.filters.me')}</option>
          {storedUser && filters.lockedBy.kind === 'user' && (
            <option value={lockedByValue(filters.lockedBy)}>{filters.lockedBy.id}</option>
          )}
          {lockers.map((locker) => (
            <option key={locker.id} value={`user:${locker.id}`}>
              {locker.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('overview.filters.source')}{' '}
        <select
          value={filters.source}
          onChange={(event) => model.setFilters({ ...filters, source: event.currentTarget.value as SourceFilter })}
        >
          <option value="any">{t('overview.filters.anySource')}</option>
          <option value="manual">{t('overview.filters.byHand')}</option>
          <option value="rule">{t('overview.filters.byRule')}</option>
        </select>
      </label>
      <label>
        {t('overview.filters.olderThan')}{' '}
        <input
          type="number"
          min={1}
          max={3650}
          inputMode="numeric"
          value={filters.olderThanDays ?? ''}
          onChange={(event) => model.setFilters({ ...filters, olderThanDays: validDays(event.currentTarget.value) })}
        />
      </label>
      <p class="rl-muted">{t('overview.filters.note', { count: model.list.loaded.value.length })}</p>
    </fieldset>
  );
}
