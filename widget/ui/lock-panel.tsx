// Preact's signal integration: every component renders again when a signal it read changes.
import '@preact/signals';
import type { ReadonlySignal } from '@preact/signals-core';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { LockModel } from '../model/lock-model';
import type { LockAction } from '../model/lock-session';
import type { RecordActivity } from '../model/record-activity';
import { LockActions } from './lock-actions';
import { LockStatus } from './lock-status';
import { ChangeNotice } from './notices';
import { ErrorNotice, HistorySection, ReasonForm, RecordHolds, RequestsSection, RestrictionsList, UnlockConfirm } from './panel-parts';
import { StartState } from './start-state';

/**
 * The whole widget: the start-up states, then the status, the actions and their forms, and, once
 * they have loaded, the unlock requests and the lock history.
 */
export function LockPanel({ model, activity }: { model: LockModel; activity?: ReadonlySignal<RecordActivity | null> }) {
  const panel = useRef<HTMLDivElement>(null);
  useFocusReturn(model, panel);
  const loaded = activity?.value ?? null;
  const t = model.t.value;
  const form = model.form.value;
  if (model.phase.value !== 'ready') return <StartState model={model} loading="start.loading" failed="start.failed" />;
  return (
    <div class="rl-panel" ref={panel}>
      <h2 class="rl-title">{t('app.title')}</h2>
      {loaded && <RequestsSection model={model} activity={loaded} placement="top" />}
      <LockStatus model={model} />
      {(model.hold.value !== 'none' || model.configuration.value === null) && <RecordHolds model={model} />}
      <ChangeNotice model={model} />
      {model.error.value && <ErrorNotice model={model} />}
      <LockActions model={model} />
      {(form === 'lock' || form === 'editReason') && <ReasonForm model={model} />}
      {form === 'unlock' && <UnlockConfirm model={model} />}
      {loaded && <RequestsSection model={model} activity={loaded} placement="below" />}
      {model.lock.value && <RestrictionsList model={model} />}
      {loaded && <HistorySection model={model} activity={loaded} />}
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
