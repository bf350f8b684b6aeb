import { onDemand } from '../on-demand';

// Not on screen at first: a run's progress and summary, the unlock step, and the note on selected
// records Zoho does not show; each loads when it is shown, the first two when the form gets focus.
export const RunReport = onDemand(() => import('./list-report').then((part) => part.RunReport));
export const UnlockStep = onDemand(() => import('./list-report').then((part) => part.UnlockStep));
export const MissingRecords = onDemand(() => import('./list-report').then((part) => part.MissingRecords));
