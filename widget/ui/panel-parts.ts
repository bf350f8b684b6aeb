import type { LockAction } from '../model/lock-model';
import { onDemand } from './on-demand';

// Forms and confirmations are not on screen at first: their code loads when one opens, or as soon
// as the button that opens it gets focus (a press focuses it before the click).
export const ReasonForm = onDemand(() => import('./reason-form').then((part) => part.ReasonForm));
export const UnlockConfirm = onDemand(() => import('./unlock-confirm').then((part) => part.UnlockConfirm));

// Shown only after a failure, on a locked record, or on a record held or without a configuration.
export const ErrorNotice = onDemand(() => import('./error-notice').then((part) => part.ErrorNotice));
export const RestrictionsList = onDemand(() => import('./restrictions-list').then((part) => part.RestrictionsList));
export const RecordHolds = onDemand(() => import('./record-holds').then((part) => part.RecordHolds));

/** What each action opens. */
export const ACTION_PARTS: Record<LockAction, { preload(): void }> = { lock: ReasonForm, editReason: ReasonForm, unlock: UnlockConfirm };

/** Unlock requests and the lock history, with their model: loaded once the panel has started. */
export const RecordActivityPart = { load: () => import('./record-activity') };
