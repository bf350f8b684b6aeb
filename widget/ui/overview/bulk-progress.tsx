import { useState } from 'preact/hooks';
import type { LockedRecordsModel } from '../../model/locked-records-model';
import { BulkConfirm, BulkReport } from './overview-parts';

/** "Unlock selected"; its confirmation and the run's report load on demand. */
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
          disabled={count === 0 || running || model.inFlight.value !== null || model.waitUntil.value !== null}
          onFocus={() => model.prepareChanges()}
          onClick={() => setConfirming(true)}
        >
          {t('overview.action.unlockSelected')}
        </button>
      </div>
      {confirming && count > 0 && !running && <BulkConfirm model={model} count={count} close={() => setConfirming(false)} />}
      {run && <BulkReport model={model} />}
    </div>
  );
}
