import { effect, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { Host } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { ConfirmedChange } from './lock-session';
import type { LockModel } from './lock-model';
import type { RecordActivity } from './record-activity';

export interface ActivityLink {
  /** The record's unlock requests and history, once the panel has started and their code is here. */
  activity: ReadonlySignal<RecordActivity | null>;
}

/**
 * Ties the lock model to the unlock requests and history, which load on demand once the panel has
 * started: from this moment on, no confirmed change can miss its history note, even one confirmed
 * before their code arrived. `store` remembers the viewer's open unlock requests between views.
 * @example const { activity } = linkActivity({ host, model, now, store });
 */
export function linkActivity({ host, model, now, store }: { host: Host; model: LockModel; now: () => Date; store?: KeyValueStore }): ActivityLink {
  const early: ConfirmedChange[] = [];
  const stopCollecting = model.onConfirmedChange((change) => early.push(change));
  const activity = signal<RecordActivity | null>(null);
  let loading = false;
  // Loading stays true once the code is here: the effect runs again on every phase change.
  effect(() => {
    if (model.phase.value !== 'ready' || loading) return;
    loading = true;
    import('./record-activity').then(
      (part) => {
        stopCollecting();
        const created = part.createRecordActivity({ host, lockModel: model, now, store });
        early.splice(0).forEach(created.confirmed);
        model.attachFollowUp(created.followUp);
        activity.value = created;
      },
      // The lock itself stays fully usable; the next start tries again.
      () => void (loading = false),
    );
  });
  return { activity };
}
