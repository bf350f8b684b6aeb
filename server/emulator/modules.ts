/**
 * The modules the emulator serves and their field metadata. Only the modules Zoho lists as
 * supporting record locking are served; any other name answers INVALID_MODULE.
 */

export interface FieldMeta {
  api_name: string;
  id: string;
  display_label: string;
  data_type: string;
  length: number;
  read_only: boolean;
}

export interface ModuleMeta {
  apiName: string;
  id: string;
  /** The module's own name field (Last_Name for people); record-name.ts builds display names from it. */
  nameField: string;
  fields: readonly FieldMeta[];
}

const field = (
  moduleIndex: number,
  fieldIndex: number,
  api_name: string,
  data_type: string,
  length = 255,
): FieldMeta => ({
  api_name,
  id: `58431040000000${String(moduleIndex).padStart(2, '0')}${String(fieldIndex).padStart(3, '0')}`,
  display_label: api_name.replace(/_/g, ' '),
  data_type,
  length,
  // Locked__s reflects the lock and cannot be written.
  read_only: api_name === 'Locked__s',
});

const COMMON_FIELDS: readonly [string, string][] = [
  ['Owner', 'ownerlookup'],
  ['Description', 'textarea'],
  ['Locked__s', 'boolean'],
];

const MODULE_FIELDS: Record<string, readonly [string, string][]> = {
  Leads: [['Last_Name', 'text'], ['First_Name', 'text'], ['Company', 'text'], ['Email', 'email'], ['Lead_Status', 'picklist']],
  Accounts: [['Account_Name', 'text'], ['Industry', 'picklist'], ['Phone', 'phone'], ['Annual_Revenue', 'currency']],
  Contacts: [['Last_Name', 'text'], ['First_Name', 'text'], ['Email', 'email'], ['Account_Name', 'lookup']],
  Deals: [
    ['Deal_Name', 'text'],
    ['Stage', 'picklist'],
    ['Amount', 'currency'],
    ['Closing_Date', 'date'],
    ['Account_Name', 'lookup'],
    ['Next_Step', 'text'],
  ],
  Tasks: [['Subject', 'text'], ['Status', 'picklist'], ['Due_Date', 'date']],
  Cases: [['Subject', 'text'], ['Status', 'picklist'], ['Priority', 'picklist']],
  Solutions: [['Solution_Title', 'text'], ['Status', 'picklist']],
  Vendors: [['Vendor_Name', 'text'], ['Email', 'email']],
  Price_Books: [['Price_Book_Name', 'text'], ['Active', 'boolean']],
  Quotes: [['Subject', 'text'], ['Quote_Stage', 'picklist'], ['Grand_Total', 'currency']],
  Sales_Orders: [['Subject', 'text'], ['Status', 'picklist'], ['Grand_Total', 'currency']],
  Purchase_Orders: [['Subject', 'text'], ['Status', 'picklist'], ['Grand_Total', 'currency']],
  Invoices: [['Subject', 'text'], ['Status', 'picklist'], ['Grand_Total', 'currency']],
};

/** Fields after the common ones, so that the ids of the earlier fields stay as they were. */
const LATER_FIELDS: Record<string, readonly [string, string][]> = {
  Tasks: [
    ['Priority', 'picklist'],
    ['What_Id', 'lookup'],
    ['Send_Notification_Email', 'boolean'],
    ['Closed_Time', 'datetime'],
  ],
};

/** Lengths that differ from 255 (Zoho: a large textarea holds 32000 characters). */
const LENGTHS: Record<string, Record<string, number>> = {
  Tasks: { Description: 32000 },
};

/** Fields Zoho fills itself; a body cannot write them. */
const SYSTEM_FIELDS = new Set(['Locked__s', 'Closed_Time']);

const buildModules = (): ModuleMeta[] =>
  Object.entries(MODULE_FIELDS).map(([apiName, own], moduleIndex) => {
    const all = [...own, ...COMMON_FIELDS, ...(LATER_FIELDS[apiName] ?? [])];
    return {
      apiName,
      id: `58431040000000000${String(moduleIndex + 40).padStart(2, '0')}`,
      nameField: own[0]?.[0] ?? 'Name',
      fields: all.map(([name, type], fieldIndex) => ({
        ...field(moduleIndex, fieldIndex, name, type, LENGTHS[apiName]?.[name] ?? 255),
        read_only: SYSTEM_FIELDS.has(name),
      })),
    };
  });

export const MODULES: readonly ModuleMeta[] = buildModules();

/** Case-sensitive, as Zoho's API names are. */
export const findModule = (apiName: string): ModuleMeta | undefined => MODULES.find((m) => m.apiName === apiName);

/** Notes: not lockable, so not among MODULES, but readable through COQL and its own routes. */
export const NOTES_MODULE: ModuleMeta = {
  apiName: 'Notes',
  id: '5843104000000000039',
  nameField: 'Note_Title',
  fields: (
    [
      ['Note_Title', 'text', 120],
      ['Note_Content', 'textarea', 65535],
      ['Parent_Id', 'lookup', 255],
      ['Owner', 'ownerlookup', 255],
    ] as const
  ).map(([name, type, length], index) => field(98, index, name, type, length)),
};

/** Every module whose records the emulator keeps: the lockable ones and Notes. */
export const findStoredModule = (apiName: string): ModuleMeta | undefined =>
  apiName === NOTES_MODULE.apiName ? NOTES_MODULE : findModule(apiName);

export const findField = (
  module: ModuleMeta,
  ref: { api_name?: string | undefined; id?: string | undefined },
): FieldMeta | undefined =>
  module.fields.find((f) => (ref.api_name !== undefined && f.api_name === ref.api_name) || (ref.id !== undefined && f.id === ref.id));

/** Fields that may not stay editable on a locked record (Zoho: Tag, Owner and read-only fields). */
export const isExcludableField = (f: FieldMeta): boolean => f.api_name !== 'Owner' && !f.read_only;

/** The metadata Zoho publishes for the Locking_Information__s module's fields. */
export const LOCK_FIELDS: readonly FieldMeta[] = [
  ['Locked_For__s', 'multi_module_lookup', 255],
  ['Locked_Reason__s', 'textarea', 3000],
  ['Lock_Source__s', 'picklist', 255],
  ['Locked_Time__s', 'datetime', 255],
  ['Locked_By__s', 'userlookup', 255],
  ['Record_Locking_Rule_Id__s', 'bigint', 255],
  ['Record_Locking_Configuration_Id__s', 'bigint', 255],
  ['Feature_Type__s', 'picklist', 255],
].map(([name, type, length], index) => ({
  ...field(99, index, String(name), String(type), Number(length)),
  read_only: name !== 'Locked_Reason__s',
}));

export const REASON_MAX_LENGTH = 3000;

export const LOCKING_MODULE = 'Locking_Information__s';
