import type { Lock } from '../crm/types';
import type { LockModel } from '../model/lock-model';

/** Whether the record is locked, why, by whom, since when, by which rule, and whether it binds the viewer. */
export function LockStatus({ model }: { model: LockModel }) {
  const t = model.t.value;
  const lock = model.lock.value;
  return (
    <div
      id="rl-status"
      class={lock ? 'rl-status rl-status--locked' : 'rl-status'}
      role="status"
      aria-label={t('status.label')}
      aria-busy={model.refreshing.value}
      tabIndex={-1}
    >
      {lock ? (
        <LockedDetails model={model} lock={lock} />
      ) : (
        <>
          <p class="rl-state">{t('status.unlocked')}</p>
          <p class="rl-muted">{t('status.unlocked.detail')}</p>
        </>
      )}
    </div>
  );
}

function LockedDetails({ model, lock }: { model: LockModel; lock: Lock }) {
  const t = model.t.value;
  const time = model.time.value;
  const relative = time.relative(lock.lockedAt);
  const byLine = !lock.lockedBy
    ? t('status.locked.automaticAt', { relative })
    : lock.lockedBy.id === model.user.value?.id
      ? t('status.locked.byYouAt', { relative })
      : t('status.locked.byUserAt', { name: lock.lockedBy.name, relative });
  return (
    <>
      <p class="rl-state">
        <span class="rl-icon" aria-hidden="true" />
        {t('status.locked')}
      </p>
      <p>{byLine}</p>
      <p class="rl-muted">
        <time dateTime={lock.lockedAt}>{t('status.locked.exactTime', { time: time.exact(lock.lockedAt) })}</time>
      </p>
      {lock.reason !== null && <p class="rl-reason">{t('status.reason', { reason: lock.reason })}</p>}
      <p class="rl-muted">{sourceLine(model, lock)}</p>
      <p class="rl-viewer">{t(model.permissions.value?.bindsViewer ? 'status.viewer.bound' : 'status.viewer.exempt')}</p>
    </>
  );
}

function sourceLine(model: LockModel, lock: Lock): string {
  const t = model.t.value;
  const rule = model.ruleName.value;
  if (lock.source === 'Manual') return t('status.source.manual');
  if (lock.source === 'Automatic') return rule ? t('status.source.automatic', { rule }) : t('status.source.automaticUnnamed');
  return rule ? t('status.source.both', { rule }) : t('status.source.bothUnnamed');
}
