import type { SelectedRecord } from '../crm/selected-records';
import type { Lock, RecordHold } from '../crm/types';
import type { BulkProgress } from './bulk-run';
import type { Failure } from './failure';

/** What a run over the selected records does to each. */
export type ListAction = 'lock' | 'unlock';

/** What one record of a run turned out to be. */
export type ListOutcome =
  | { kind: 'locked' }
  | { kind: 'unlocked' }
  /** Someone holds a lock of their own on it (the viewer, from before: `byViewer`). */
  | { kind: 'alreadyLocked'; by: string | null; byViewer: boolean }
  | { kind: 'heldByRule' }
  /** Held by Zoho for another cause than a lock: awaiting approval, rejected, Zia at work. */
  | { kind: 'held'; hold: Exclude<RecordHold, 'none'> }
  | { kind: 'noPermission' }
  | { kind: 'alreadyUnlocked' }
  /** Someone else changed the lock first: it stays locked. */
  | { kind: 'changed' }
  /** The call may or may not have reached Zoho (a lost connection): read before anything is sent again. */
  | { kind: 'unknown'; failure: Failure }
  | { kind: 'failed'; failure: Failure };

export interface ListResult {
  record: SelectedRecord;
  outcome: ListOutcome;
  /** The change stands, but its history note could not be written. */
  noteMissed: boolean;
  /** Trying again can help: the call failed in passing, or its outcome is unknown. */
  retryable: boolean;
}

/** A run's progress and results, and what it does. */
export type ListRun = BulkProgress<ListResult>;

/** The viewer's own manual locks among the selection, found before an unlock is offered. */
export interface UnlockChoice {
  /** Still reading the selected records' locks. */
  reading: boolean;
  mine: { record: SelectedRecord; lock: Lock }[];
  /** Selected records whose lock is not the viewer's to unlock here (or which are not locked). */
  others: number;
  /** Selected records whose lock could not be read: left as they are. */
  unread: SelectedRecord[];
  /** Why the reads failed, when some did. */
  failure: Failure | null;
}

