import '../ui-base';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LockedRecordsModel } from '../../model/locked-records-model';
import type { RowAction } from '../../model/tab-actions';
import { ReasonField } from '../reason-field';

/**
 * One row's reason form or unlock confirmation (with its optional reason), with the record panel's
 * rules and reason field: the reason is checked before anything is sent, Enter saves or unlocks,
 * Escape cancels, focus starts on the harmless choice.
 */
export function RowForm({ model, name, action }: { model: LockedRecordsModel; name: string; action: RowAction }) {
  const t = model.t.value;
  const busy = model.inFlight.value !== null;
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (action === 'unlock' && !busy) cancel.current?.focus();
  }, [action, busy]);

  const draft = model.draft.value;
  if (action === 'unlock') {
    return (
      <div
        class="rl-confirm"
        role="group"
        aria-label={t('overview.unlock.confirm', { name })}
        aria-busy={busy}
        onKeyDown={(event) => event.key === 'Escape' && model.closeAction()}
      >
        <p class="rl-form-title">{t('overview.unlock.confirm', { name })}</p>
        {draft && (
          <ReasonField
            id="rl-row-unlock-reason"
            t={t}
            draft={draft}
            busy={busy}
            optional
            autoFocus={false}
            onSave={() => void model.unlockRow()}
            onCancel={() => model.closeAction()}
          />
        )}
        <div class="rl-buttons">
          <button type="button" class="rl-button rl-danger" disabled={busy} onClick={() => void model.unlockRow()}>
            {t('action.confirmUnlock')}
          </button>
          <button type="button" class="rl-button" ref={cancel} disabled={busy} onClick={() => model.closeAction()}>
            {t('action.cancel')}
          </button>
        </div>
      </div>
    );
  }

  if (!draft) return null;
  const save = () => void model.saveReason();
  return (
    <form
      class="rl-form"
      aria-label={t('form.editReason.title')}
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <ReasonField id="rl-row-reason" t={t} draft={draft} busy={busy} onSave={save} onCancel={() => model.closeAction()} />
      <div class="rl-buttons">
        <button type="submit" class="rl-button rl-primary" disabled={busy}>
          {t('action.save')}
        </button>
        <button type="button" class="rl-button" disabled={busy} onClick={() => model.closeAction()}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
