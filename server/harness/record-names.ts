/** The field that names a record in each module, as the CRM page shows it in its title. */
const NAME_FIELDS: Record<string, string> = {
  Deals: 'Deal_Name',
  Accounts: 'Account_Name',
  Tasks: 'Subject',
  Cases: 'Subject',
  Solutions: 'Solution_Title',
  Vendors: 'Vendor_Name',
  Price_Books: 'Price_Book_Name',
  Quotes: 'Subject',
  Sales_Orders: 'Subject',
  Purchase_Orders: 'Subject',
  Invoices: 'Subject',
};

/** Leads and Contacts are named by the person. */
const PERSON_MODULES = new Set(['Leads', 'Contacts']);

export function nameFieldsOf(module: string): string[] {
  if (PERSON_MODULES.has(module)) return ['First_Name', 'Last_Name'];
  return [NAME_FIELDS[module] ?? 'Name'];
}

/** The record's display name, or its id when the name fields are empty. */
export function recordName(module: string, record: Record<string, unknown>): string {
  const parts = nameFieldsOf(module)
    .map((field) => record[field])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : String(record.id ?? '');
}

/** "Closing_Date" -> "Closing Date" */
export function fieldLabel(apiName: string): string {
  return apiName.replace(/__s$/, '').replace(/_/g, ' ');
}
