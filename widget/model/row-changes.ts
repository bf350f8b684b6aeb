import './model-base';

// The changes' calls load with them: one part.
export { lockWrites } from '../crm/lock-writes';
import { batch } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { LockedRecord } from '../crm/locked-records';
import type { LockWrites } from '../crm/lock-writes';
import type { Lock } from '../crm/types';
import { saveReasonChecked, unlockChecked } from './checked-changes';
import type { ChangeContext } from './checked-changes';
import { bulkProgress } from './bulk-run';
import { sentTogether } from './failure';
import { inParallel, MAX_IN_FLIGHT } from './in-parallel';
import type { Failure } from './failure';
import type { LimitWait } from './limit-wait';
import type { HistoryWriter } from './history-writer';
import type { LockedList } from './locked-list';
import type { UnlockFollowUp } from './unlock-follow-up';
import type { Settlement } from './races';
import { createReasonDraft } from './reason-draft';
import type { ReasonDraft } from './reason-draft';
import type { BulkRun, OpenRow, RowAction, RowFailure, RowNotice } from './tab-actions';
import { unlockOutcomeOf } from './unlock-outcome';
import type { TabSession } from './tab-session';
import type { LockedRow } from './tab-rows';

/** What the Locked records model lends its row changes: its state, and the few steps only it may take. */
export interface RowChangeCore {
  module: ReadonlySignal<string | null>;
  list: LockedList;
  open: Signal<OpenRow | null>;
  inFlight: Signal<string | null>;
  notice: Signal<RowNotice | null>;
  rowFailure: Signal<RowFailure | null>;
  bulk: Signal<BulkRun | null>;
  selected: Signal<ReadonlySet<string>>;
  rows: ReadonlySignal<LockedRow[]>;
  /** Zoho's limit for a lock reason, as the module's settings say. */
  maxLength: ReadonlySignal<number>;
  /** Where the model shows the row form's draft once this code has made it. */
  draft: Signal<ReasonDraft | null>;
  /** The optional reason of "Unlock selected", likewise. */
  bulkDraft: Signal<ReasonDraft | null>;
  /** What writes the unlocks' history notes, with those it could not write; likewise. */
  history: Signal<HistoryWriter | null>;
  limit: LimitWait;
  now: () => Date;
  rowOf(recordId: string): LockedRow | null;
  /** Zoho refused what the module's cached settings allowed: show what it said, forget them and read them again. */
  contradicted(settlement: Settlement): void;
}

export interface RowChanges {
  /** The reason being typed in a row's form: it stays when a save fails or races. */
  draft: ReasonDraft;
  /** The optional reason given to every record of "Unlock selected". */
  bulkDraft: ReasonDraft;
  /** Opens a row's reason form or unlock confirmation, if the viewer may make that change. */
  openAction(recordId: string, action: RowAction): void;
  saveReason(): Promise<void>;
  unlockRow(): Promise<void>;
  unlockSelected(): Promise<void>;
}

/** Opening a row's reason form or unlock confirmation, if the viewer may make that change. */
function rowChoices(core: RowChangeCore, draft: ReasonDraft): Pick<RowChanges, 'openAction'> {
  const { open, rowFailure, notice } = core;
  return {
    openAction(recordId, action) {
      const row = core.rowOf(recordId);
      if (!row?.permissions[action].allowed) return;
      batch(() => {
        core.draft.value = draft;
        open.value = { recordId, action };
        rowFailure.value = null;
        notice.value = null;
        draft.set(action === 'editReason' ? (row.lock.reason ?? '') : '');
      });
    },
  };
}

/** Where a row's change is made, and how a row shows the lock as now known. */
function rowTools(core: RowChangeCore, session: TabSession, writes: LockWrites) {
  const { user, calls } = session;
  // The follow-up's code and calls come as their own part, fetched now without delaying the row's form.
  const made = import('./page-follow-up').then((code) => {
    const { followUp, writer } = code.createPageFollowUp({
      calls: calls.activity,
      author: { id: user.id, name: user.fullName },
      now: core.now,
      store: session.store,
      org: session.org,
      // A row counted with no open request on its lock needs no read of them; an unknown count does.
      knownRequests: ({ record, lock }) => {
        const row = core.rowOf(record.recordId);
        return row?.lock.id === lock.id && row.openRequests === 0 ? [] : undefined;
      },
    });
    core.history.value = writer;
    return followUp;
  });
  const followUp: UnlockFollowUp = {
    // Code that could not be fetched writes nothing: the unlock stands, its note and answers are missing.
    unlocked: (unlock) => made.then((ready) => ready.unlocked(unlock), () => ({ historyWritten: false, requestsAnswered: false })),
  };
  return {
    /** A record now known unlocked is noted, so that a search index that lags does not bring it back. */
    noteUnlocked(record: LockedRecord, settlement: Settlement): void {
      const module = core.module.value;
      if (module && settlement.lock === null) session.sources.recent.note({ module, recordId: record.id, name: record.name, locked: false });
    },
    contextOf(recordId: string): ChangeContext | null {
      const module = core.module.value;
      if (!module) return null;
      return { locks: calls.locks, writes, record: { module, recordId }, userId: user.id, userName: user.fullName, now: core.now, followUp };
    },
    /** A row whose lock is gone leaves the selection too. */
    replaceLock(recordId: string, lock: Lock | null): void {
      core.list.replaceLock(recordId, lock);
      const { selected } = core;
      if (lock || !selected.value.has(recordId)) return;
      const next = new Set(selected.value);
      next.delete(recordId);
      selected.value = next;
    },
  };
}

/**
 * A row's reason edit and unlock, and the bulk unlock, over the rules every page shares
 * (checked-changes.ts). Loaded on demand: the list shows without this code, which comes when a
 * row's form opens or a row is selected.
 */
export function createRowChanges(core: RowChangeCore, session: TabSession, writes: LockWrites): RowChanges {
  const { open, inFlight, notice, rowFailure } = core;
  const draft = createReasonDraft(core.maxLength);
  const bulkDraft = createReasonDraft(core.maxLength);
  core.bulkDraft.value = bulkDraft;

  const tools = rowTools(core, session, writes);
  const { contextOf, replaceLock, noteUnlocked } = tools;

  /**
   * Shows what one row's change turned out to mean; `keepForm` leaves a reason form open with its
   * text. A failure keeps the form or confirmation open too, so Try again repeats that change.
   */
  function show(row: LockedRow, settlement: Settlement, keepForm: boolean): void {
    noteUnlocked(row.record, settlement);
    batch(() => {
      if (settlement.lock !== undefined) replaceLock(row.record.id, settlement.lock);
      notice.value = settlement.notice ? { ...settlement.notice, recordName: row.record.name } : null;
      rowFailure.value = settlement.failure ? { recordId: row.record.id, failure: settlement.failure } : null;
      if (settlement.succeeded || settlement.lock === null || (!keepForm && !settlement.failure)) open.value = null;
    });
    core.limit.waitOut(settlement.failure);
    if (settlement.settingsContradicted) core.contradicted(settlement);
  }

  /** Runs the open row's change; bad input sends nothing, and what was typed stays. */
  async function changeOpenRow(action: RowAction, change: (context: ChangeContext, row: LockedRow, reason: string) => Promise<Settlement>) {
    const target = open.value;
    const row = target?.action === action ? core.rowOf(target.recordId) : null;
    const context = row && contextOf(row.record.id);
    if (!row || !context || inFlight.value !== null) return;
    // A lock reason is required, an unlock's optional; either one over Zoho's limit stays in the box.
    const reason = draft.check(action === 'unlock');
    if (reason === null) return;
    batch(() => {
      inFlight.value = row.record.id;
      rowFailure.value = null;
      notice.value = null;
    });
    try {
      show(row, await change(context, row, reason), action === 'editReason');
    } finally {
      inFlight.value = null;
    }
  }

  return {
    draft,
    bulkDraft,
    ...rowChoices(core, draft),
    saveReason: () => changeOpenRow('editReason', (context, row, reason) => saveReasonChecked(context, row.lock, reason)),
    unlockRow: () => changeOpenRow('unlock', (context, row, reason) => unlockChecked(context, row.lock, reason)),
    unlockSelected: () => unlockSelected(core, bulkDraft, tools),
  };
}

/**
 * Unlocks every selected row with the one optional reason, a few at a time, each with its history
 * note and request answers before the next; each failure is named and none stops the rest.
 */
async function unlockSelected(core: RowChangeCore, bulkDraft: ReasonDraft, { contextOf, replaceLock, noteUnlocked }: ReturnType<typeof rowTools>): Promise<void> {
  const { bulk, selected, notice, open } = core;
  if (bulk.value?.finished === false) return;
  const chosen = core.rows.value.filter((row) => selected.value.has(row.record.id) && row.selectable);
  const reason = bulkDraft.check(true);
  if (chosen.length === 0 || reason === null) return;
  batch(() => {
    notice.value = null;
    open.value = null;
  });
  const progress = bulkProgress(bulk, chosen.length);
  let contradicted: Settlement | null = null;
  let limited: Failure | null = null;
  const unlock = async (row: LockedRow): Promise<Settlement> => {
    const context = contextOf(row.record.id);
    if (!context) return { succeeded: false };
    const settlement = await unlockChecked(context, row.lock, reason);
    // Its follow-up's calls count against Zoho's concurrency too: the next unlock waits for them.
    await settlement.followUp;
    return settlement;
  };
  // A few at a time: Zoho's concurrency limit is shared with every other app of the user. None stops the rest.
  await inParallel(chosen, MAX_IN_FLIGHT, async (row) => {
    const settlement = await unlock(row);
    noteUnlocked(row.record, settlement);
    if (settlement.lock !== undefined) replaceLock(row.record.id, settlement.lock);
    if (settlement.settingsContradicted) contradicted = settlement;
    const outcome = unlockOutcomeOf(settlement);
    // The unlocks go three at a time: a 429 without a wait is said as too many at once.
    const failure = outcome === 'failed' && settlement.failure ? sentTogether(settlement.failure) : null;
    if (failure?.waitSeconds) limited ??= failure;
    progress.add({ record: row.record, outcome, failure });
  });
  progress.finish();
  bulkDraft.set('');
  // Zoho's limit holds the next changes back; a refused change is never sent again by itself.
  core.limit.waitOut(limited);
  if (contradicted) core.contradicted(contradicted);
}
