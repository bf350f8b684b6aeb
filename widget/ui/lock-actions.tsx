import type { MessageKey } from '../i18n/messages';
import type { LockModel } from '../model/lock-model';
import type { LockAction } from '../model/lock-session';
import type { DeniedReason, Permissions } from '../model/permissions';
import { ACTION_PARTS } from './panel-parts';

const BUTTON_LABELS: Record<LockAction, MessageKey> = {
  lock: 'action.lock',
  editReason: 'action.editReason',
  unlock: 'action.unlock',
};

/** What to say for an action not offered; reasons the status or a notice already explains say nothing here. */
const WHY_NOT: Partial<Record<DeniedReason, MessageKey>> = {
  automaticOnly: 'why.automaticOnly',
  noLockPermission: 'why.noLockPermission',
  readOnlyLock: 'why.readOnlyLock',
  recordHeld: 'why.recordHeld',
};

/** The buttons the viewer may use, and a sentence for each action that is not offered. */
export function LockActions({ model }: { model: LockModel }) {
  const t = model.t.value;
  const permissions = model.permissions.value;
  if (!permissions || model.form.value !== null) return null;
  const busy = model.inFlight.value !== null;
  const offered = (['lock', 'editReason', 'unlock'] as const).filter((action) => permissions[action].allowed);
  const why = whyNot(model, permissions);
  return (
    <div class="rl-actions">
      {offered.length > 0 && (
        <div class="rl-buttons">
          {offered.map((action) => (
            <button
              key={action}
              type="button"
              class={action === 'lock' ? 'rl-button rl-primary' : 'rl-button'}
              data-action={action}
              disabled={busy}
              onFocus={() => {
                ACTION_PARTS[action].preload();
                model.prepare();
              }}
              onClick={() => model.openForm(action)}
            >
              {t(BUTTON_LABELS[action])}
            </button>
          ))}
        </div>
      )}
      {why && <p class="rl-why">{why}</p>}
    </div>
  );
}

function whyNot(model: LockModel, permissions: Permissions): string | null {
  const t = model.t.value;
  const denied = model.lock.value ? permissions.unlock : permissions.lock;
  if (denied.allowed) return null;
  if (denied.reason === 'automaticLock') {
    const rule = model.ruleName.value;
    return rule ? t('why.automaticLock', { rule }) : t('why.automaticLockUnnamed');
  }
  const key = WHY_NOT[denied.reason];
  return key ? t(key) : null;
}
