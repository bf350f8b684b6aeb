/**
 * How a record is named: in lookups such as Locked_For__s.name, and by the CRM page in its title.
 * One table for the emulator and the harness, so the two never name a record differently.
 */
import { findModule } from './modules';

/** Leads and Contacts are named by the person. */
const PERSON_MODULES = new Set(['Leads', 'Contacts']);

/** The fields whose values, joined by a space, name a record of the module. */
export const nameFieldsOf = (module: string): string[] =>
  PERSON_MODULES.has(module) ? ['First_Name', 'Last_Name'] : [findModule(module)?.nameField ?? 'Name'];

/**
 * The record's display name from its field values, or '' when its name fields are empty.
 * @example recordDisplayName('Leads', { First_Name: 'Jane', Last_Name: 'Doe' }) // 'Jane Doe'
 */
export const recordDisplayName = (module: string, fields: Record<string, unknown>): string =>
  nameFieldsOf(module)
    .map((name) => fields[name])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .join(' ');
