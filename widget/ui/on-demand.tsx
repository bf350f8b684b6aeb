import type { ReadonlySignal } from '@preact/signals-core';
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/messages';
import { loadOnce } from '../load-once';

/** Every part loaded on demand reads the panel's model, whose translator also words a failed load. */
interface PartProps {
  model: { t: ReadonlySignal<Translate> };
}

export type OnDemand<P> = ComponentType<P> & {
  /** Starts loading before the part is shown, e.g. when the button that opens it gets focus. */
  preload(): void;
};

/**
 * A component whose code is fetched the first time it is shown (or preloaded), so the page's first
 * load carries only what is on screen at once. Renders nothing while loading; a failed load says so
 * with a retry, and the next render tries again.
 * @example const ReasonForm = onDemand(() => import('./reason-form').then((m) => m.ReasonForm));
 */
export function onDemand<P extends PartProps>(load: () => Promise<ComponentType<P>>): OnDemand<P> {
  const code = loadOnce(load);
  const start = code.load;

  function Part(props: P) {
    const [, setArrived] = useState(false);
    const [failed, setFailed] = useState(false);
    // Started while rendering, not in an effect: effects wait for a frame, which a page in the
    // background (or under a test's fake clock) may not get for a long time.
    const loaded = code.loaded();
    if (!loaded && !failed) start().then(() => setArrived(true), () => setFailed(true));
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (!failed) return null;
    const t = props.model.t.value;
    return (
      <div class="rl-error" role="alert">
        <p>{t('error.partNotLoaded')}</p>
        <button type="button" class="rl-button" onClick={() => setFailed(false)}>
          {t('action.retry')}
        </button>
      </div>
    );
  }
  return Object.assign(Part, { preload: () => void start().catch(() => undefined) });
}
