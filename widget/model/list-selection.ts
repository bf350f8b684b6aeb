/**
 * The most records one run takes: a page of Zoho's list view at its largest per-page choice (100, as
 * used; no Zoho page states it), which the button's PageLoad cannot exceed unless Zoho adds a
 * "select all" across pages. One read of the selection covers it (crm/selected-records.ts).
 */
export const SELECTION_MAX = 100;

/** Why the selection is refused before any call: nothing was selected, or more than one run takes. */
export type SelectionRefusal = { kind: 'empty' } | { kind: 'tooMany'; count: number; max: number };

/** @example selectionRefusalOf([]) // { kind: 'empty' } */
export function selectionRefusalOf(ids: readonly string[]): SelectionRefusal | null {
  if (ids.length === 0) return { kind: 'empty' };
  if (ids.length > SELECTION_MAX) return { kind: 'tooMany', count: ids.length, max: SELECTION_MAX };
  return null;
}
