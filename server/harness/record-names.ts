import { nameFieldsOf, recordDisplayName } from '../emulator';

/** The fields that name a record in each module, as the emulator names it in lookups. */
export { nameFieldsOf };

/** The record's display name, as the CRM page shows it in its title, or its id when the name fields are empty. */
export function recordName(module: string, record: Record<string, unknown>): string {
  return recordDisplayName(module, record) || String(record.id ?? '');
}

/** "Closing_Date" -> "Closing Date" */
export function fieldLabel(apiName: string): string {
  return apiName.replace(/__s$/, '').replace(/_/g, ' ');
}
