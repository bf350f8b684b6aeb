import './model-base';
// What the tab fetches as it starts, beside Zoho's PageLoad: the settings and request counts it reads
// besides the list, the module picker that reads from them, and the COQL query and recent changes
// that stand in for a search that refuses, misses or lags.
export { openRequestCalls } from '../crm/open-requests';
export { createLockedRecordQuery } from '../crm/locked-records-query';
export { createListLoading } from './list-loading';
export { createTabModules } from './tab-modules';
export { createTabSources } from './tab-sources';

/** The standard modules Zoho can lock (user-created custom modules are not listed: see the README). */
export const LOCKABLE_MODULES = [
  'Leads', 'Accounts', 'Contacts', 'Deals', 'Tasks', 'Cases', 'Solutions',
  'Vendors', 'Price_Books', 'Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices',
] as const;

