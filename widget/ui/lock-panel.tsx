// Preact's signal integration: every component renders again when a signal it read changes.
import '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LockAction, LockModel } from '../model/lock-model';
import { LockActions } from './lock-actions';
import { LockStatus } from './lock-status';
import { ChangeNotice, HeldNotice, NoConfigurationNotice } from './notices';
import { ErrorNotice, ReasonForm, RestrictionsList, UnlockConfirm } from './panel-parts';
import { StartState } from './start-state';

/** The whole widget: the start-up states, then the status, the actions and their forms. */
export function LockPanel({ model }: { model: LockModel }) {
  const panel = useRef<HTMLDivElement>(null);
  useFocusReturn(model, panel);
  const t = model.t.value;
  const form = model.form.value;
  if (model.phase.value !== 'ready') return <StartState model={model} />;
  return (
    <div class="rl-panel" ref={panel}>
      <h2 class="rl-title">{t('app.title')}</h2>
      <LockStatus model={model} />
      <HeldNotice model={model} />
      <NoConfigurationNotice model={model} />
      <ChangeNotice model={model} />
      {model.error.value && <ErrorNotice model={model} />}
      <LockActions model={model} />
      {(form === 'lock' || form === 'editReason') && <ReasonForm model={model} />}
      {form === 'unlock' && <UnlockConfirm model={model} />}
      {model.lock.value && <RestrictionsList model={model} />}
    </div>
  );
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
