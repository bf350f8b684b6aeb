/** The fields that name a record, per module; user-created custom modules use Name. */
const NAME_FIELDS: Record<string, string[]> = {
  Leads: ['First_Name', 'Last_Name'],
  Contacts: ['First_Name', 'Last_Name'],
  Accounts: ['Account_Name'],
  Deals: ['Deal_Name'],
  Tasks: ['Subject'],
  Cases: ['Subject'],
  Solutions: ['Solution_Title'],
  Vendors: ['Vendor_Name'],
  Price_Books: ['Price_Book_Name'],
  Quotes: ['Subject'],
  Sales_Orders: ['Subject'],
  Purchase_Orders: ['Subject'],
  Invoices: ['Subject'],
};

/** The fields to ask for to name a module's records, in the order their values make the name. */
export const nameFieldsOf = (module: string): string[] => NAME_FIELDS[module] ?? ['Name'];

/** The record's name as CRM shows it, from the values of `fields`; '' when they are all empty. */
export function nameOf(record: Record<string, unknown>, fields: string[]): string {
  return fields
    .map((field) => record[field])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .join(' ');
}
