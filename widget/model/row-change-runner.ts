import { batch, signal } from '@preact/signals-core';
import { failureOf } from './failure';
import { onDemandActions } from './on-demand-actions';
import type { RowChangeCore, RowChanges } from './row-changes';
import type { TabSession } from './tab-session';

/**
 * The code behind a row's changes and the bulk unlock, with their calls: fetched once, when a row's
 * form opens or a row is selected. Code that cannot be fetched is said on the row, sending nothing.
 */
export function createRowChangeRunner(core: Omit<RowChangeCore, 'inFlight'>, session: () => TabSession | null) {
  const inFlight = signal<string | null>(null);
  const changes = onDemandActions(async () => {
    const current = session();
    if (!current) throw new Error('The tab has not started');
    const [code, writes] = await Promise.all([import('./row-changes'), current.calls.writes()]);
    return code.createRowChanges({ ...core, inFlight }, current, writes);
  });
  return {
    inFlight,
    prepare: () => void changes.prepare(),
    run: (recordId: string | null, action: (loaded: RowChanges) => Promise<void>) =>
      changes.run(action, () => {
        if (!recordId) return;
        batch(() => {
          core.notice.value = null;
          core.rowFailure.value = { recordId, failure: failureOf('error.partNotLoaded') };
        });
      }),
  };
}
