import './model-base';

// The changes' calls load with them: one part.
export { lockWrites } from '../crm/lock-writes';
import { batch } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { LockWrites } from '../crm/lock-writes';
import type { Lock } from '../crm/types';
import { saveReasonChecked, unlockChecked } from './checked-changes';
import type { ChangeContext } from './checked-changes';
import { bulkProgress, runBulk } from './bulk-run';
import type { LimitWait } from './limit-wait';
import type { LockedList } from './locked-list';
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
  limit: LimitWait;
  now: () => Date;
  rowOf(recordId: string): LockedRow | null;
  /** Zoho refused what the module's cached settings allowed: show what it said, forget them and read them again. */
  contradicted(settlement: Settlement): void;
}

export interface RowChanges {
  /** The reason being typed in a row's form: it stays when a save fails or races. */
  draft: ReasonDraft;
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
        if (action === 'editReason') draft.set(row.lock.reason ?? '');
      });
    },
  };
}

/** Where a row's change is made, and how a row shows the lock as now known. */
function rowTools(core: RowChangeCore, session: TabSession, writes: LockWrites) {
  return {
    contextOf(recordId: string): ChangeContext | null {
      const module = core.module.value;
      if (!module) return null;
      const { user, calls } = session;
      return { locks: calls.locks, writes, record: { module, recordId }, userId: user.id, userName: user.fullName, now: core.now };
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
  const { open, inFlight, notice, rowFailure, bulk, selected } = core;
  const draft = createReasonDraft(core.maxLength);

  const { contextOf, replaceLock } = rowTools(core, session, writes);

  /** Shows what one row's change turned out to mean; `keepForm` leaves a reason form open with its text. */
  function show(row: LockedRow, settlement: Settlement, keepForm: boolean): void {
    batch(() => {
      if (settlement.lock !== undefined) replaceLock(row.record.id, settlement.lock);
      notice.value = settlement.notice ? { ...settlement.notice, recordName: row.record.name } : null;
      rowFailure.value = settlement.failure ? { recordId: row.record.id, failure: settlement.failure } : null;
      if (settlement.succeeded || settlement.lock === null || !keepForm) open.value = null;
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
    const reason = action === 'editReason' ? draft.check() : '';
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

  /** Unlocks every selected row, a few at a time; each failure is named and none stops the rest. */
  async function unlockSelected(): Promise<void> {
    if (bulk.value?.finished === false) return;
    const chosen = core.rows.value.filter((row) => selected.value.has(row.record.id) && row.selectable);
    if (chosen.length === 0) return;
    batch(() => {
      notice.value = null;
      open.value = null;
    });
    const progress = bulkProgress(bulk, chosen.length);
    let contradicted: Settlement | null = null;
    const unlock = (row: LockedRow) => {
      const context = contextOf(row.record.id);
      return context ? unlockChecked(context, row.lock) : Promise.resolve<Settlement>({ succeeded: false });
    };
    await runBulk(chosen, unlock, ({ item: row, settlement }) => {
      if (settlement.lock !== undefined) replaceLock(row.record.id, settlement.lock);
      if (settlement.settingsContradicted) contradicted = settlement;
      const outcome = unlockOutcomeOf(settlement);
      progress.add({ record: row.record, outcome, failure: outcome === 'failed' ? (settlement.failure ?? null) : null });
    });
    progress.finish();
    if (contradicted) core.contradicted(contradicted);
  }

  return {
    draft,
    ...rowChoices(core, draft),
    saveReason: () => changeOpenRow('editReason', (context, row, reason) => saveReasonChecked(context, row.lock, reason)),
    unlockRow: () => changeOpenRow('unlock', (context, row) => unlockChecked(context, row.lock)),
    unlockSelected,
  };
}
