import { signal } from '@preact/signals-core';
import type { Signal } from '@preact/signals-core';
import type { HistoryWriter } from './history-writer';
import type { ReasonDraft } from './reason-draft';
import type { RowChanges } from './row-changes';
import type { LockedRow } from './tab-rows';
import type { BulkRun, OpenRow, RowAction, RowFailure, RowNotice } from './tab-actions';

/** What a viewer is doing with the tab's rows. */
export interface RowState {
  selected: Signal<ReadonlySet<string>>;
  /** The row whose form or confirmation is open. */
  open: Signal<OpenRow | null>;
  rowFailure: Signal<RowFailure | null>;
  /** What just happened to one row, for the live region. */
  notice: Signal<RowNotice | null>;
  bulk: Signal<BulkRun | null>;
  /** The reason being typed in a row's form; null until the code behind the rows' changes is here. */
  draft: Signal<ReasonDraft | null>;
  /** The optional reason of "Unlock selected"; likewise. */
  bulkDraft: Signal<ReasonDraft | null>;
  /** The unlocks' history notes, with those that could not be written; likewise. */
  history: Signal<HistoryWriter | null>;
}

export function createRowState(): RowState {
  return {
    selected: signal<ReadonlySet<string>>(new Set()),
    open: signal<OpenRow | null>(null),
    rowFailure: signal<RowFailure | null>(null),
    notice: signal<RowNotice | null>(null),
    bulk: signal<BulkRun | null>(null),
    draft: signal<ReasonDraft | null>(null),
    bulkDraft: signal<ReasonDraft | null>(null),
    history: signal<HistoryWriter | null>(null),
  };
}

export interface RowActionParts extends RowState {
  rowOf(recordId: string): LockedRow | null;
  changes: {
    prepare(): void;
    run(recordId: string | null, action: (loaded: RowChanges) => Promise<void>): Promise<void>;
  };
}

/** What a viewer does to the tab's rows; what needs the code behind the changes waits for it (fetched when a row's control gets focus). */
export function rowActions({ rowOf, selected, open, bulk, changes }: RowActionParts) {
  const run = (recordId: string | null, action: (loaded: RowChanges) => Promise<void> | void) => changes.run(recordId, async (loaded) => action(loaded));
  return {
    toggleSelected(recordId: string) {
      if (!rowOf(recordId)?.selectable) return;
      const next = new Set(selected.value);
      if (next.has(recordId)) next.delete(recordId);
      else next.add(recordId);
      selected.value = next;
      if (next.size > 0) changes.prepare();
    },
    openAction: (recordId: string, action: RowAction) => void run(recordId, (loaded) => loaded.openAction(recordId, action)),
    closeAction: () => void (open.value = null),
    prepareChanges: changes.prepare,
    saveReason: () => run(open.value?.recordId ?? null, (loaded) => loaded.saveReason()),
    unlockRow: () => run(open.value?.recordId ?? null, (loaded) => loaded.unlockRow()),
    /** Try again after a row's change failed: the change of the form or confirmation still open. */
    retryRow() {
      const target = open.value;
      return run(target?.recordId ?? null, (loaded) => (target?.action === 'unlock' ? loaded.unlockRow() : loaded.saveReason()));
    },
    unlockSelected: () => run(null, (loaded) => loaded.unlockSelected()),
    dismissBulk: () => void (bulk.value = null),
  };
}
