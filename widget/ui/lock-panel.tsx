// Preact's signal integration: every component renders again when a signal it read changes.
import '@preact/signals';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LockAction, LockModel } from '../model/lock-model';
import type { ActivityLink, LoadedActivity } from './activity-link';
import { LockActions } from './lock-actions';
import { LockStatus } from './lock-status';
import { ChangeNotice } from './notices';
import { ErrorNotice, ReasonForm, RecordHolds, RestrictionsList, UnlockConfirm } from './panel-parts';
import { StartState } from './start-state';

/** The whole widget: the start-up states, then the status, the actions and their forms. */
export function LockPanel({ model, activity }: { model: LockModel; activity?: ActivityLink }) {
  const panel = useRef<HTMLDivElement>(null);
  useFocusReturn(model, panel);
  const loaded = useActivity(model, activity);
  const sections = loaded && { model, activity: loaded.activity };
  const { RequestsSection, HistorySection } = loaded?.part ?? {};
  const t = model.t.value;
  const form = model.form.value;
  if (model.phase.value !== 'ready') return <StartState model={model} />;
  return (
    <div class="rl-panel" ref={panel}>
      <h2 class="rl-title">{t('app.title')}</h2>
      {sections && RequestsSection && <RequestsSection {...sections} placement="top" />}
      <LockStatus model={model} />
      {(model.hold.value !== 'none' || model.configuration.value === null) && <RecordHolds model={model} />}
      <ChangeNotice model={model} />
      {model.error.value && <ErrorNotice model={model} />}
      <LockActions model={model} />
      {(form === 'lock' || form === 'editReason') && <ReasonForm model={model} />}
      {form === 'unlock' && <UnlockConfirm model={model} />}
      {sections && RequestsSection && <RequestsSection {...sections} placement="below" />}
      {model.lock.value && <RestrictionsList model={model} />}
      {sections && HistorySection && <HistorySection {...sections} />}
    </div>
  );
}

/** The unlock requests and history once the panel has started and their part has loaded. */
function useActivity(model: LockModel, link: ActivityLink | undefined): LoadedActivity | null {
  const [loaded, setLoaded] = useState<LoadedActivity | null>(null);
  const ready = model.phase.value === 'ready';
  useEffect(() => {
    if (!link || !ready || loaded) return;
    let shown = true;
    // A part that cannot load leaves the lock itself fully usable; the next start tries again.
    link.load().then((next) => shown && setLoaded(next), () => undefined);
    return () => {
      shown = false;
    };
  }, [link, ready]);
  return loaded;
}

/**
 * When a form or confirm step closes, focus goes back to the button that opened it, or to the
 * status when that button is gone (the record changed state), so keyboard users never land on <body>.
 */
function useFocusReturn(model: LockModel, panel: { current: HTMLDivElement | null }) {
  const open = model.form.value;
  const previous = useRef<LockAction | null>(null);
  useLayoutEffect(() => {
    const closed = previous.current;
    previous.current = open;
    if (open !== null || closed === null || !panel.current) return;
    const target =
      panel.current.querySelector<HTMLElement>(`[data-action="${closed}"]`) ??
      panel.current.querySelector<HTMLElement>('#rl-status');
    target?.focus();
  }, [open]);
}
