import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LockedRecordsModel, RowAction } from '../../model/locked-records-model';
import { saveOnEnter } from '../save-on-enter';

/**
 * One row's reason form or unlock confirmation, with the record panel's rules: the reason is
 * checked before anything is sent, Enter saves, Escape cancels, focus starts on the harmless choice.
 */
export function RowForm({ model, name, action }: { model: LockedRecordsModel; name: string; action: RowAction }) {
  const t = model.t.value;
  const busy = model.inFlight.value !== null;
  const first = useRef<HTMLTextAreaElement & HTMLButtonElement>(null);
  useLayoutEffect(() => first.current?.focus(), [action]);
  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') model.closeAction();
  };

  if (action === 'unlock') {
    return (
      <div class="rl-confirm" role="group" aria-label={t('overview.unlock.confirm', { name })} aria-busy={busy} onKeyDown={escape}>
        <p class="rl-form-title">{t('overview.unlock.confirm', { name })}</p>
        <div class="rl-buttons">
          <button type="button" class="rl-button rl-danger" disabled={busy} onClick={() => void model.unlockRow()}>
            {t('action.confirmUnlock')}
          </button>
          <button type="button" class="rl-button" ref={first} disabled={busy} onClick={() => model.closeAction()}>
            {t('action.cancel')}
          </button>
        </div>
      </div>
    );
  }

  const { draft } = model;
  const problem = draft.problem.value;
  return (
    <form
      class="rl-form"
      aria-label={t('form.editReason.title')}
      onKeyDown={escape}
      onSubmit={(event) => {
        event.preventDefault();
        void model.saveReason();
      }}
    >
      <label for="rl-row-reason">{t('form.reason.label')}</label>
      <textarea
        id="rl-row-reason"
        ref={first}
        rows={3}
        value={draft.text.value}
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'rl-row-problem' : undefined}
        onInput={(event) => draft.set(event.currentTarget.value)}
        onKeyDown={(event) => saveOnEnter(event, () => void model.saveReason())}
      />
      {draft.showCounter.value && (
        <p class="rl-counter">{t('form.reason.counter', { count: draft.length.value, max: draft.maxLength.value })}</p>
      )}
      {problem && (
        <p id="rl-row-problem" class="rl-problem">
          {problem.problem === 'empty' ? t('form.reason.empty') : t('form.reason.tooLong', { length: problem.length, max: problem.maxLength })}
        </p>
      )}
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
