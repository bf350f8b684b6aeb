import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LockModel } from '../model/lock-model';

/** The inline confirm step before an unlock. Focus starts on Cancel, the harmless choice. */
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
