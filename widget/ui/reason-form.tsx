import type { LockModel } from '../model/lock-model';
import { ReasonField } from './reason-field';

/** The reason form for locking and for editing the reason; Enter saves, Shift+Enter adds a line, Escape cancels. */
export function ReasonForm({ model }: { model: LockModel }) {
  const t = model.t.value;
  const action = model.form.value;
  const busy = model.inFlight.value !== null;
  // Still open after the record changed under it (a race): the text stays, but Save waits.
  const allowed = action !== null && model.permissions.value?.[action].allowed === true;
  if (action !== 'lock' && action !== 'editReason') return null;
  const submit = () => void (action === 'lock' ? model.lockRecord() : model.updateReason());
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
      <ReasonField key={action} id="rl-reason" t={t} draft={model.draft} busy={busy} onSave={submit} onCancel={() => model.closeForm()} />
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
