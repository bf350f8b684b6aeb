import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LockModel } from '../model/lock-model';
import { ReasonField } from './reason-field';

/**
 * The inline confirm step before an unlock, with its optional reason (checked before anything is
 * sent, kept when refused). Focus starts on Cancel, the harmless choice.
 */
export function UnlockConfirm({ model }: { model: LockModel }) {
  const t = model.t.value;
  const busy = model.inFlight.value !== null;
  const cancel = useRef<HTMLButtonElement>(null);

  const open = model.form.value === 'unlock';

  useLayoutEffect(() => {
    if (open && !busy) cancel.current?.focus();
  }, [busy, open]);

  if (!open) return null;
  return (
    <div
      class="rl-confirm"
      role="group"
      aria-labelledby="rl-unlock-title"
      aria-describedby="rl-unlock-detail"
      aria-busy={busy}
      onKeyDown={(event) => {
        if (event.key === 'Escape') model.closeForm();
      }}
    >
      <p id="rl-unlock-title" class="rl-form-title">
        {t('unlock.confirm.title')}
      </p>
      <p id="rl-unlock-detail" class="rl-muted">
        {t('unlock.confirm.detail')}
      </p>
      <ReasonField
        id="rl-unlock-reason"
        t={t}
        draft={model.draft}
        busy={busy}
        optional
        autoFocus={false}
        onSave={() => void model.unlockRecord()}
        onCancel={() => model.closeForm()}
      />
      <div class="rl-buttons">
        <button type="button" class="rl-button rl-danger" disabled={busy} onClick={() => void model.unlockRecord()}>
          {t('action.confirmUnlock')}
        </button>
        <button type="button" class="rl-button" ref={cancel} disabled={busy} onClick={() => model.closeForm()}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
