// Preact's signal integration: every component renders again when a signal it read changes.
import '@preact/signals';
import type { MessageKey } from '../../i18n/messages';
import type { ListModel } from '../../model/list-model';
import type { DeniedReason } from '../../model/permissions';
import { ReasonField } from '../reason-field';
import { StartState } from '../start-state';
import { CloseButton } from './close-button';
import { MissingRecords, RunReport, UnlockStep } from './list-parts';

/** Why these records cannot be locked by hand: the record panel's words for the same rules. */
const WHY_NOT: Partial<Record<DeniedReason, MessageKey>> = {
  automaticOnly: 'why.automaticOnly',
  noLockPermission: 'why.noLockPermission',
};

/**
 * The list view button's popup: start-up states; a selection refused before any call; else how
 * many records were selected, the one reason for all, and then the run's progress and summary.
 */
export function ListPage({ model }: { model: ListModel }) {
  const t = model.t.value;
  if (model.phase.value !== 'ready') return <StartState model={model} loading="list.loading" failed="list.failed" />;
  const refusal = model.refusal.value;
  const running = model.run.value !== null;
  return (
    <div class="rl-list">
      <h1 class="rl-title">{t('list.title')}</h1>
      {refusal ? (
        <div class="rl-held" role="alert">
          <p>{refusal.kind === 'empty' ? t('list.refused.empty') : t('list.refused.tooMany', { count: refusal.count, max: refusal.max })}</p>
        </div>
      ) : (
        <p>{t('list.selected', { count: model.selected.value.length })}</p>
      )}
      {model.missing.value.length > 0 && <MissingRecords model={model} />}
      {running ? <RunReport model={model} /> : model.unlockChoice.value ? <UnlockStep model={model} /> : <LockStep model={model} />}
      {model.closeFailed.value && (
        <p class="rl-problem" role="alert">
          {t('list.closeFailed')}
        </p>
      )}
    </div>
  );
}

/** The one reason for every record, with the record panel's checks, and the way to the viewer's own locks instead. */
function LockStep({ model }: { model: ListModel }) {
  const t = model.t.value;
  const count = model.records.value.length;
  const denied = model.lockDenied.value;
  const error = model.error.value;
  const cancel = () => void model.close();
  if (model.refusal.value || count === 0) return <CloseButton model={model} />;
  const lock = () => void model.lockSelected();
  return (
    <>
      {denied ? (
        <WhyNot model={model} reason={denied} />
      ) : (
        <form
          class="rl-form"
          aria-labelledby="rl-list-form-title"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            lock();
          }}
          onFocusCapture={() => {
            model.prepare();
            RunReport.preload();
          }}
        >
          <p id="rl-list-form-title" class="rl-form-title">
            {t('list.lock.title', { count })}
          </p>
          <p class="rl-muted">{t('list.lock.detail')}</p>
          <ReasonField id="rl-reason" t={t} draft={model.draft} busy={false} onSave={lock} onCancel={cancel} />
          <div class="rl-buttons">
            <button type="submit" class="rl-button rl-primary">
              {t('list.lock.submit', { count })}
            </button>
            <button type="button" class="rl-button" onClick={cancel}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p class="rl-problem" role="alert">
          {t(error.message, error.params)}
        </p>
      )}
      {model.unlockOffered.value && (
        <button type="button" class="rl-button rl-link" onFocus={() => UnlockStep.preload()} onClick={() => void model.findMyLocks()}>
          {t('list.unlock.find')}
        </button>
      )}
      {denied && <CloseButton model={model} />}
    </>
  );
}

function WhyNot({ model, reason }: { model: ListModel; reason: DeniedReason }) {
  const t = model.t.value;
  if (reason === 'noConfiguration') {
    return (
      <div class="rl-held">
        <p>{t('why.noConfiguration')}</p>
        <p class="rl-muted">{t('why.noConfiguration.howTo', { module: model.module.value ?? '' })}</p>
      </div>
    );
  }
  const key = WHY_NOT[reason];
  return <p class="rl-held">{key ? t(key) : t('error.notAllowed')}</p>;
}
