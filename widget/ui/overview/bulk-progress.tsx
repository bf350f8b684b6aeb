import { useState } from 'preact/hooks';
import type { LockedRecordsModel } from '../../model/locked-records-model';
import { BulkReport } from './overview-parts';

/** "Unlock selected" with its confirmation; the run's report loads on demand. */
export function BulkProgress({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  const [confirming, setConfirming] = useState(false);
  const run = model.bulk.value;
  const count = model.selected.value.size;
  const running = run !== null && !run.finished;
  return (
    <div class="rl-bulk">
      <div class="rl-buttons">
        <button
          type="button"
          class="rl-button"
          disabled={count === 0 || running || model.inFlight.value !== null}
          onClick={() => setConfirming(true)}
        >
          {t('overview.action.unlockSelected')}
        </button>
      </div>
      {confirming && count > 0 && !running && (
        <div
          class="rl-confirm"
          role="group"
          aria-label={t('overview.bulk.confirm', { count })}
          onKeyDown={(event) => event.key === 'Escape' && setConfirming(false)}
        >
          <p class="rl-form-title">{t('overview.bulk.confirm', { count })}</p>
          <div class="rl-buttons">
            <button
              type="button"
              class="rl-button rl-danger"
              onClick={() => {
                setConfirming(false);
                void model.unlockSelected();
              }}
            >
              {t('action.confirmUnlock')}
            </button>
            <button type="button" class="rl-button" autoFocus onClick={() => setConfirming(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      )}
      {run && <BulkReport model={model} />}

    </div>
  );
}
