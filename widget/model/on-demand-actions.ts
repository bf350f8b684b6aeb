import { loadOnce } from '../load-once';

export interface OnDemandActions<Code> {
  /** Fetches the code before it is needed, e.g. when a form opens or its button gets focus; never rejects. */
  prepare(): Promise<void>;
  /**
   * Runs `action` with the code: at once when it is here, so its controls are disabled in the same
   * turn, else once it has arrived. Code that cannot be fetched calls `unavailable` and runs nothing.
   */
  run(action: (code: Code) => Promise<void>, unavailable: () => void): Promise<void>;
}

/**
 * A page's changes, whose code (and calls) are fetched on demand, once; a failed fetch is tried
 * again by the next action.
 * @example const changes = onDemandActions(() => import('./row-changes').then((code) => code.createRowChanges(core)));
 */
export function onDemandActions<Code>(load: () => Promise<Code>): OnDemandActions<Code> {
  const code = loadOnce(load);
  return {
    prepare: () => code.load().then(() => undefined, () => undefined),
    async run(action, unavailable) {
      const loaded = code.loaded();
      if (loaded) return action(loaded);
      let arrived: Code;
      try {
        arrived = await code.load();
      } catch {
        return unavailable();
      }
      return action(arrived);
    },
  };
}
