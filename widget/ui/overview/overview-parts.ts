import { onDemand } from '../on-demand';

// Not on screen at first: a row's form or confirmation opens on demand, the bulk confirmation and report after "Unlock selected".
export const RowForm = onDemand(() => import('./row-form').then((part) => part.RowForm));
export const BulkConfirm = onDemand(() => import('./bulk-report').then((part) => part.BulkConfirm));
export const BulkReport = onDemand(() => import('./bulk-report').then((part) => part.BulkReport));
// Shown once the code behind the changes is here, and only says something when an unlock's history note is missing.
export const MissedNotes = onDemand(() => import('./bulk-report').then((part) => part.MissedNotes));
// The filters follow the list by a moment: their code loads as the page starts.
export const FilterBar = onDemand(() => import('./filter-bar').then((part) => part.FilterBar));
// Shown only when the search found more than one page.
export const Paging = onDemand(() => import('./paging').then((part) => part.Paging));
// Shown only when the search was refused or failed, or left records out.
export const ListNotes = onDemand(() => import('./list-notes').then((part) => part.ListNotes));
