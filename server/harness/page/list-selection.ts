/**
 * What a list view's custom button hands its widget, as Zoho sends it (its SDK's README, "Buttons",
 * and its list-button test flow, which reads `EntityId` as an array): the module, the selected
 * records' ids as strings in the list's order, and where the button sits.
 * @example listViewPageLoad('Deals', ['1', '2']) // {Entity: 'Deals', EntityId: ['1', '2'], ButtonPosition: 'ListView'}
 */
export function listViewPageLoad(entity: string, selectedIds: readonly string[]): Record<string, unknown> {
  return { Entity: entity, EntityId: [...selectedIds], ButtonPosition: 'ListView' };
}

/** The toolbar's count of the selection, as Zoho's list view words it. */
export function selectionLabel(count: number): string {
  return `${count} ${count === 1 ? 'record' : 'records'} selected`;
}

/** The select-all box follows the rows: checked when all are, mixed when some are. */
export function selectAllState(selected: number, total: number): { checked: boolean; indeterminate: boolean } {
  return { checked: total > 0 && selected === total, indeterminate: selected > 0 && selected < total };
}
