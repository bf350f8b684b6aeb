/**
 * What a Tasks body may write, checked as Zoho checks it: Subject (mandatory, ≤255), What_Id with
 * its `$se_module` naming an existing record of a lockable module, Due_Date as YYYY-MM-DD, the
 * Status and Priority picklists of the org (display values in, actual values stored), Description
 * (≤32000) and Send_Notification_Email.
 */
import { findModule } from './modules';
import { invalidField, isItemError, missingField, type ItemError } from './item-error';
import type { EmulatorState } from './state';
import { findRecord } from './store';
import { actualValue, CLOSING_ACTUAL_VALUE, supportedValues, type TaskPicklistField, type TaskPicklists } from './task-picklists';

/** The status that closes a task: it leaves the Tasks related list for Tasks_History and gets a Closed_Time. */
export const CLOSED_STATUS = CLOSING_ACTUAL_VALUE;
export const SUBJECT_MAX_LENGTH = 255;
export const TASK_DESCRIPTION_MAX_LENGTH = 32000;

type Check = (value: unknown, index: number) => ItemError | null;

const text = (apiName: string, max: number, type: string): Check => (value, index) => {
  if (value === null) return null;
  if (typeof value !== 'string') return invalidField(index, apiName, { expected_data_type: type });
  return [...value].length > max ? invalidField(index, apiName, { maximum_length: max }) : null;
};

/** A display value the org lists, as the actual value to store; or the item's error. */
const picklistValue = (
  picklists: TaskPicklists,
  apiName: TaskPicklistField,
  value: unknown,
  index: number,
): ItemError | { stored: string | null } => {
  if (value === null) return { stored: null };
  const actual = typeof value === 'string' ? actualValue(picklists, apiName, value) : undefined;
  if (actual !== undefined) return { stored: actual };
  return invalidField(index, apiName, { expected_data_type: 'picklist', supported_values: supportedValues(picklists, apiName) });
};

const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const CHECKS: Record<string, Check> = {
  Subject: text('Subject', SUBJECT_MAX_LENGTH, 'text'),
  Description: text('Description', TASK_DESCRIPTION_MAX_LENGTH, 'textarea'),
  Due_Date: (value, index) =>
    value === null || (typeof value === 'string' && isCalendarDate(value))
      ? null
      : invalidField(index, 'Due_Date', { expected_data_type: 'date' }),
  Send_Notification_Email: (value, index) =>
    typeof value === 'boolean' ? null : invalidField(index, 'Send_Notification_Email', { expected_data_type: 'boolean' }),
};

const lookupId = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') return value.id;
  return undefined;
};

/** What_Id and `$se_module` together: `{What_Id: {id}, $se_module}` to store, or the item's error. */
const relatedTo = (
  state: EmulatorState,
  item: Record<string, unknown>,
  index: number,
): Record<string, unknown> | ItemError => {
  const raw = item['What_Id'];
  if (raw === undefined) return {};
  if (raw === null) return { What_Id: null, $se_module: null };
  const id = lookupId(raw);
  if (id === undefined) return invalidField(index, 'What_Id', { expected_data_type: 'lookup' });
  const seModule = item['$se_module'];
  if (seModule === undefined || seModule === null || seModule === '') return missingField(index, '$se_module');
  const module = typeof seModule === 'string' ? findModule(seModule) : undefined;
  if (!module) return invalidField(index, '$se_module', { expected_data_type: 'module' });
  if (!findRecord(state, module.apiName, id)) return invalidField(index, 'What_Id', { expected_data_type: 'lookup' });
  return { What_Id: { id }, $se_module: module.apiName };
};

/**
 * The stored change for one Tasks item, or its error. `creating` makes Subject mandatory and
 * starts Status at the actual value "Not Started", whatever the org calls it.
 */
export const taskChange = (
  state: EmulatorState,
  item: Record<string, unknown>,
  index: number,
  creating: boolean,
  picklists: TaskPicklists,
): Record<string, unknown> | ItemError => {
  const subject = item['Subject'];
  if ((creating && subject === undefined) || subject === null || subject === '') return missingField(index, 'Subject');
  const change: Record<string, unknown> = {};
  for (const [apiName, check] of Object.entries(CHECKS)) {
    if (item[apiName] === undefined) continue;
    const error = check(item[apiName], index);
    if (error) return error;
    change[apiName] = item[apiName];
  }
  for (const apiName of ['Status', 'Priority'] as const) {
    if (item[apiName] === undefined) continue;
    const checked = picklistValue(picklists, apiName, item[apiName], index);
    if (isItemError(checked)) return checked;
    change[apiName] = checked.stored;
  }
  const related = relatedTo(state, item, index);
  if (isItemError(related)) return related;
  if (creating && change['Status'] === undefined) change['Status'] = 'Not Started';
  return { ...change, ...related };
};
