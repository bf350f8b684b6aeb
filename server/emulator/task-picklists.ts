/**
 * The Tasks picklists Status and Priority of the org, as Zoho's field metadata lists them
 * (`pick_list_values`). Zoho shows and takes a value's `display_value` (Kaizen #205: "Use the
 * display_value in API requests"), while its `actual_value` stays the same when an administrator
 * renames the value. So the emulator stores a task's actual value and shows the display value of
 * the request's org: the default org, or under the `task-picklists` variant one that renamed,
 * removed and added values. No key of the metadata says which status closes a task; the emulator
 * closes a task on the value whose actual value is "Completed" (Zoho's own default value).
 */
import type { Variant } from './variants';

export interface PicklistValue {
  display_value: string;
  actual_value: string;
  id: string;
  sequence_number: number;
  reference_value: string;
  colour_code: string | null;
  type: 'used' | 'unused';
}

export type TaskPicklistField = 'Status' | 'Priority';

export type TaskPicklists = Readonly<Record<TaskPicklistField, readonly PicklistValue[]>>;

/** The actual value of the status that closes a task. */
export const CLOSING_ACTUAL_VALUE = 'Completed';

const values = (idBase: number, pairs: readonly (readonly [string, string, number?])[]): PicklistValue[] =>
  pairs.map(([display, actual, serial], index) => ({
    display_value: display,
    actual_value: actual,
    // A renamed value keeps its id: the serial names the default value it was.
    id: `5843104000000${String(idBase + (serial ?? index)).padStart(6, '0')}`,
    sequence_number: index + 1,
    reference_value: actual,
    colour_code: null,
    type: 'used',
  }));

/** Zoho's default values, in its order. */
export const DEFAULT_TASK_PICKLISTS: TaskPicklists = {
  Status: values(91000, [
    ['Not Started', 'Not Started'],
    ['Deferred', 'Deferred'],
    ['In Progress', 'In Progress'],
    ['Completed', 'Completed'],
    ['Waiting for input', 'Waiting for input'],
  ]),
  Priority: values(91100, [
    ['High', 'High'],
    ['Highest', 'Highest'],
    ['Low', 'Low'],
    ['Lowest', 'Lowest'],
    ['Normal', 'Normal'],
  ]),
};

/**
 * An org that made the picklists its own: "Completed" renamed "Done", "Not Started" "Open",
 * "Waiting for input" "Waiting on customer"; "Deferred" removed; "Cancelled" added (it does not
 * close a task); priorities renamed "Urgent" (Highest) and "Important" (High), "Lowest" removed.
 */
export const RENAMED_TASK_PICKLISTS: TaskPicklists = {
  Status: values(91000, [
    ['Open', 'Not Started', 0],
    ['In Progress', 'In Progress', 2],
    ['Waiting on customer', 'Waiting for input', 4],
    ['Done', 'Completed', 3],
    ['Cancelled', 'Cancelled', 5],
  ]),
  Priority: values(91100, [
    ['Urgent', 'Highest', 1],
    ['Important', 'High', 0],
    ['Normal', 'Normal', 4],
    ['Low', 'Low', 2],
  ]),
};

export const TASK_PICKLIST_FIELDS: readonly TaskPicklistField[] = ['Status', 'Priority'];

export const isTaskPicklistField = (apiName: string): apiName is TaskPicklistField =>
  (TASK_PICKLIST_FIELDS as readonly string[]).includes(apiName);

/** The display value the org shows for a stored actual value (a value it no longer lists shows as stored). */
export const displayValue = (picklists: TaskPicklists, field: TaskPicklistField, actual: unknown): unknown =>
  typeof actual === 'string' ? (picklists[field].find((v) => v.actual_value === actual)?.display_value ?? actual) : actual;

/** The actual value to store for a display value the org lists, or undefined. */
export const actualValue = (picklists: TaskPicklists, field: TaskPicklistField, display: string): string | undefined =>
  picklists[field].find((v) => v.display_value === display && v.type === 'used')?.actual_value;

/** What a refusal lists as the values the org takes. */
export const supportedValues = (picklists: TaskPicklists, field: TaskPicklistField): string[] =>
  picklists[field].filter((v) => v.type === 'used').map((v) => v.display_value);

/** The picklists of the org a call is answered for. */
export const taskPicklistsOf = (variants: ReadonlySet<Variant>): TaskPicklists =>
  variants.has('task-picklists') ? RENAMED_TASK_PICKLISTS : DEFAULT_TASK_PICKLISTS;

/** A stored field's value as the org shows it: a task's picklist value by its display value. */
export const shownValue = (picklists: TaskPicklists, module: string, apiName: string, stored: unknown): unknown =>
  module === 'Tasks' && isTaskPicklistField(apiName) ? displayValue(picklists, apiName, stored) : stored;
