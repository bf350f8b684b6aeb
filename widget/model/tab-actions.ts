import type { LockedRecord } from '../crm/locked-records';
import type { Failure } from './failure';
import type { Notice } from './races';

/** What a viewer can do to one row of the tab. */
export type RowAction = 'editReason' | 'unlock';

/** The row whose form or confirmation is open. */
export interface OpenRow {
  recordId: string;
  action: RowAction;
}

/** What just happened to one row, for the live region. */
export interface RowNotice extends Notice {
  recordName: string;
}

export interface RowFailure {
  recordId: string;
  failure: Failure;
}

export type BulkOutcome = 'unlocked' | 'alreadyUnlocked' | 'changed' | 'failed';

export interface BulkResult {
  record: LockedRecord;
  outcome: BulkOutcome;
  failure: Failure | null;
}

export interface BulkRun {
  total: number;
  results: BulkResult[];
  finished: boolean;
}
