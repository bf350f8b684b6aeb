import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LockModel } from '../model/lock-model';
import { saveOnEnter } from './save-on-enter';

/**
 * The reason form for locking and for editing the reason. Enter saves, Shift+Enter adds a line,
 * Escape cancels. The text lives in the model's draft, so it survives failures and re-renders.
 */
export function ReasonForm({ model }: { model: LockModel }) {
  const t = model.t.value;
  const action = model.form.value;
  const busy = model.inFlight.value !== null;
  // Still open after the record changed under it (a race): the text stays, but Save waits.
  const allowed = action !== null && model.permissions.value?.[action].allowed === true;
  const { draft } = model;
  const problem = draft.problem.value;
  const textarea = useRef<HTMLTextAreaElement>(null);

  // Into the text box when the form opens, and back into it when a failed call gives control back.
  useLayoutEffect(() => {
    if (!busy) textarea.current?.focus();
  }, [busy, action]);

  if (action !== 'lock' && action !== 'editReason') return null;
  const submit = () => void (action === 'lock' ? model.lockRecord() : model.updateReason());
  const describedBy = ['rl-reason-hint', draft.showCounter.value && 'rl-reason-counter', problem && 'rl-reason-problem'];

  return (
    <form
      class="rl-form"
      aria-labelledby="rl-form-title"
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p id="rl-form-title" class="rl-form-title">
        {t(action === 'lock' ? 'form.lock.title' : 'form.editReason.title')}
      </p>
      <label for="rl-reason">{t('form.reason.label')}</label>
      <textarea
        id="rl-reason"
        ref={textarea}
        rows={3}
        value={draft.text.value}
        readOnly={busy}
        aria-invalid={problem !== null}
        aria-describedby={describedBy.filter(Boolean).join(' ')}
        onInput={(event) => draft.set(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (saveOnEnter(event, submit)) return;
          if (event.key === 'Escape') {
            event.preventDefault();
            model.closeForm();
          }
        }}
      />
      <p id="rl-reason-hint" class="rl-muted">
        {t('form.reason.hint')}
      </p>
      {draft.showCounter.value && (
        <p id="rl-reason-counter" class={problem?.problem === 'tooLong' ? 'rl-counter rl-counter--over' : 'rl-counter'}>
          {t('form.reason.counter', { count: draft.length.value, max: model.draft.maxLength.value })}
        </p>
      )}
      {problem && (
        <p id="rl-reason-problem" class="rl-problem" role="alert">
          {problem.problem === 'empty'
            ? t('form.reason.empty')
            : t('form.reason.tooLong', { length: problem.length, max: problem.maxLength })}
        </p>
      )}
      <div class="rl-buttons">
        <button type="submit" class="rl-button rl-primary" disabled={busy || !allowed}>
          {t('action.save')}
        </button>
        <button type="button" class="rl-button" disabled={busy} onClick={() => model.closeForm()}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
