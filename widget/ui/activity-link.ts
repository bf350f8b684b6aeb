import type { Host } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { ConfirmedChange, LockModel } from '../model/lock-model';
import { loadOnce } from '../load-once';
import { RecordActivityPart } from './panel-parts';

type ActivityPart = Awaited<ReturnType<typeof RecordActivityPart.load>>;

/** The loaded part: its components and the record's activity model. */
export interface LoadedActivity {
  part: ActivityPart;
  activity: ReturnType<ActivityPart['createRecordActivity']>;
}

export interface ActivityLink {
  /** Loads the part once the lock model has started; changes confirmed before it arrived are handed over. */
  load(): Promise<LoadedActivity>;
}

/**
 * Ties the lock model to the unlock requests and history, which load on demand: from this moment on,
 * no confirmed change can miss its history note, even one confirmed before the part's code arrived.
 * `store` remembers the viewer's open unlock requests between views (host/storage.ts).
 * @example render(<LockPanel model={model} activity={linkActivity({ host, model, now, store })} />, root)
 */
export function linkActivity({ host, model, now, store }: { host: Host; model: LockModel; now: () => Date; store?: KeyValueStore }): ActivityLink {
  const early: ConfirmedChange[] = [];
  const stopCollecting = model.onConfirmedChange((change) => early.push(change));
  return {
    load: loadOnce(() =>
      RecordActivityPart.load().then((part) => {
        stopCollecting();
        const activity = part.createRecordActivity({ host, lockModel: model, now, store });
        early.splice(0).forEach(activity.confirmed);
        return { part, activity };
      }),
    ).load,
  };
}
