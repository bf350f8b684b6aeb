import type { LockAction } from '../model/lock-session';
import { onDemand } from './on-demand';

// Forms and confirmations are not on screen at first: their code loads when one opens, or as soon
// as the button that opens it gets focus (a press focuses it before the click).
export const ReasonForm = onDemand(() => import('./lock-forms').then((part) => part.ReasonForm));
export const UnlockConfirm = onDemand(() => import('./lock-forms').then((part) => part.UnlockConfirm));

// Shown only after a failure, on a locked record, or on a record held or without a configuration.
export const ErrorNotice = onDemand(() => import('./record-notices').then((part) => part.ErrorNotice));
export const RestrictionsList = onDemand(() => import('./record-notices').then((part) => part.RestrictionsList));
export const RecordHolds = onDemand(() => import('./record-notices').then((part) => part.RecordHolds));

// Unlock requests and the lock history: shown once their model has loaded, after the status.
export const RequestsSection = onDemand(() => import('./activity-sections').then((part) => part.RequestsSection));
export const HistorySection = onDemand(() => import('./activity-sections').then((part) => part.HistorySection));

/** What each action opens. */
export const ACTION_PARTS: Record<LockAction, { preload(): void }> = { lock: ReasonForm, editReason: ReasonForm, unlock: UnlockConfirm };
