import type { LockAction } from '../model/lock-model';
import { onDemand } from './on-demand';

// Forms and confirmations are not on screen at first: their code loads when one opens, or as soon
// as the button that opens it is pointed at or focused.
export const ReasonForm = onDemand(() => import('./reason-form').then((part) => part.ReasonForm));
export const UnlockConfirm = onDemand(() => import('./unlock-confirm').then((part) => part.UnlockConfirm));

// Shown only after a failure, or on a locked record.
export const ErrorNotice = onDemand(() => import('./error-notice').then((part) => part.ErrorNotice));
export const RestrictionsList = onDemand(() => import('./restrictions-list').then((part) => part.RestrictionsList));

/** What each action opens. */
export const ACTION_PARTS: Record<LockAction, { preload(): void }> = { lock: ReasonForm, editReason: ReasonForm, unlock: UnlockConfirm };
