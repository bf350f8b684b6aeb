import { batch } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { Crm } from '../crm/crm';
import type { Lock, LockPermission } from '../crm/types';
import { describeFailure } from './failure';
import type { Failure } from './failure';
import { inParallel } from './in-parallel';
import type { BulkOutcome, BulkResult, BulkRun, LockedRow, RowAction, RowNotice } from './locked-records-model';
import { reasonRaceOn } from './races';
import type { ReasonDraft } from './reason-draft';
import { settleChangeFailure } from './settle-failure';

/** What the Locked records model lends its row changes: its state, and the few steps only it may take. */
export interface RowChangeCore {
  session(): { crm: Crm; user: { id: string } } | null;
  module: ReadonlySignal<string | null>;
  open: Signal<{ recordId: string; action: RowAction } | null>;
  inFlight: Signal<string | null>;
  notice: Signal<RowNotice | null>;
  rowFailure: Signal<{ recordId: string; failure: Failure } | null>;
  lockPermission: Signal<LockPermission>;
  /** Zoho refused what the module's cached settings allowed: forget them and read them again. */
  settingsContradicted(): void;
  bulk: Signal<BulkRun | null>;
  selected: ReadonlySignal<ReadonlySet<string>>;
  allRows: ReadonlySignal<LockedRow[]>;
  draft: ReasonDraft;
  /** Calls in flight at once. */
  maxInFlight: number;
  rowOf(recordId: string): LockedRow | null;
  replaceLock(recordId: string, lock: Lock | null): void;
}

export interface RowChanges {
  saveReason(): Promise<void>;
  unlockRow(): Promise<void>;
  unlockSelected(): Promise<void>;
}

/**
 * A row's reason edit and unlock, and the bulk unlock, with their failures and races. Loaded on
 * demand (part `row-changes`): the list shows without this code, which comes when a row's form
 * opens or a row is selected.
 */
export function createRowChanges(core: RowChangeCore): RowChanges {
  const { module, open, inFlight, notice, rowFailure, lockPermission, bulk, selected, allRows, draft, rowOf, replaceLock } = core;

  /** Runs one row's change; a failure is settled against the lock Zoho has now, as on the record panel. */
  async function changeRow(action: RowAction, change: (crm: Crm, row: LockedRow, reason: string) => Promise<Lock | null>) {
    const session = core.session();
    const target = open.value;
    const row = target ? rowOf(target.recordId) : null;
    if (!session || !target || !row || target.action !== action) return;
    const reason = action === 'editReason' ? draft.check() : '';
    if (reason === null) return;
    const { crm, user: viewer } = session;
    const context = { crm, record: { module: module.value ?? '', recordId: row.record.id }, userId: viewer.id };
    batch(() => {
      inFlight.value = row.record.id;
      rowFailure.value = null;
      notice.value = null;
    });
    try {
      const after = await change(crm, row, reason);
      batch(() => {
        replaceLock(row.record.id, after);
        open.value = null;
        notice.value = { key: action === 'unlock' ? 'notice.unlocked' : 'notice.reasonSaved', recordName: row.record.name };
      });
    } catch (error) {
      const tookEffect = action === 'unlock' ? (current: Lock | null) => current === null : (current: Lock | null) => current?.reason === reason;
      const settlement = await settleChangeFailure(context, row.lock.id, error, tookEffect, action === 'unlock' ? 'notice.unlocked' : 'notice.reasonSaved');
      batch(() => {
        if (settlement.lockPermission) {
          lockPermission.value = settlement.lockPermission;
          core.settingsContradicted();
        }
        if (settlement.lock !== undefined) replaceLock(row.record.id, settlement.lock);
        if (settlement.notice) notice.value = { ...settlement.notice, recordName: row.record.name };
        if (settlement.failure) rowFailure.value = { recordId: row.record.id, failure: settlement.failure };
        // The confirmation was for a lock that is gone; a reason form stays open with what was typed.
        if (settlement.succeeded || settlement.lock === null || action === 'unlock') open.value = null;
      });
    } finally {
      inFlight.value = null;
    }
  }

  /**
   * Saves the draft as the open row's reason, after checking that nobody changed the lock or its
   * reason since it was shown; a race found is told, and the form stays open with the text typed.
   */
  const saveReason = async () => {
    const session = core.session();
    const target = open.value;
    const row = target ? rowOf(target.recordId) : null;
    if (!session || !row) return;
    try {
      const current = await session.crm.getLock({ module: module.value ?? '', recordId: row.record.id });
      const race = reasonRaceOn(row.lock, current, session.user.id);
      if (race) {
        batch(() => {
          replaceLock(row.record.id, current);
          notice.value = { ...race, recordName: row.record.name };
          if (!current) open.value = null;
        });
        return;
      }
    } catch {
      // The check could not be made: the save itself will settle what Zoho has.
    }
    await changeRow('editReason', async (crm, current, reason) => {
      await crm.updateReason({ module: module.value ?? '', recordId: current.record.id }, current.lock.id, reason);
      return { ...current.lock, reason };
    });
  };

  /** Unlocks every selected row, a few at a time; each failure is named and none stops the rest. */
  async function unlockSelected(): Promise<void> {
    const session = core.session();
    if (!session || bulk.value?.finished === false) return;
    const { crm, user: viewer } = session;
    const name = module.value ?? '';
    const chosen = allRows.value.filter((row) => selected.value.has(row.record.id) && row.selectable);
    if (chosen.length === 0) return;
    batch(() => {
      bulk.value = { total: chosen.length, results: [], finished: false };
      notice.value = null;
      open.value = null;
    });
    const record = (row: LockedRow) => ({ module: name, recordId: row.record.id });
    const report = (result: BulkResult) => {
      const run = bulk.value;
      if (run) bulk.value = { ...run, results: [...run.results, result] };
    };
    await inParallel(chosen, core.maxInFlight, async (row) => {
      try {
        await crm.unlock(record(row), row.lock.id);
        replaceLock(row.record.id, null);
        report({ record: row.record, outcome: 'unlocked', failure: null });
      } catch (error) {
        const context = { crm, record: record(row), userId: viewer.id };
        const settlement = await settleChangeFailure(context, row.lock.id, error, (current) => current === null, 'notice.unlocked');
        if (settlement.lock !== undefined) replaceLock(row.record.id, settlement.lock);
        const outcome: BulkOutcome = settlement.succeeded
          ? 'unlocked'
          : settlement.lock === null
            ? 'alreadyUnlocked'
            : settlement.notice
              ? 'changed'
              : 'failed';
        report({ record: row.record, outcome, failure: outcome === 'failed' ? (settlement.failure ?? describeFailure(error)) : null });
      }
    });
    const run = bulk.value;
    if (run) bulk.value = { ...run, finished: true };
  }

  return {
    saveReason,
    unlockRow: () =>
      changeRow('unlock', async (crm, row) => {
        await crm.unlock({ module: module.value ?? '', recordId: row.record.id }, row.lock.id);
        return null;
      }),
    unlockSelected,
  };
}
