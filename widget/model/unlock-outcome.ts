import type { Settlement } from './races';
import type { BulkOutcome } from './tab-actions';

/** A bulk unlock's result for one record, from what its unlock turned out to mean (the tab's and the list's). */
export function unlockOutcomeOf(settlement: Settlement): BulkOutcome {
  if (settlement.succeeded) return 'unlocked';
  if (settlement.lock === null) return 'alreadyUnlocked';
  return settlement.notice ? 'changed' : 'failed';
}
