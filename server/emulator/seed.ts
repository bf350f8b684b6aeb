/**
 * The demo org: four users with fixed tokens and a fifth who has left, Deals with a locking
 * configuration that both locks by rule and by hand, Leads and Accounts with manual-only locking,
 * Contacts with none.
 * Ids are fixed so tests, the harness and the README can name them.
 */
import { MODULES } from './modules';
import { DEMO_USERS, FULL_SCOPES, SEED, seedId as id } from './seed-ids';
import { LOCK_TIME, seedLocks } from './seed-locks';

// The ids live in seed-ids.ts; seed.ts is where callers are told to find them.
export { DEMO_USERS, FULL_SCOPES, SEED } from './seed-ids';
import type {
  ConfigurationState,
  EmulatorState,
  PermissionState,
  ProfileState,
  RecordState,
  UserState,
} from './state';

const SEED_TIME = '2026-01-05T09:00:00-05:00';

const permissions = (profileSerial: number, canLock: boolean, canCustomize: boolean): PermissionState[] => {
  const perModule = MODULES.flatMap((module, index): PermissionState[] => {
    const base = profileSerial * 1000 + index * 10;
    return [
      { id: id(base + 1), name: `Crm_Implied_View_${module.apiName}`, display_label: 'View', module: module.apiName, enabled: true },
      { id: id(base + 2), name: `Crm_Implied_Edit_${module.apiName}`, display_label: 'Edit', module: module.apiName, enabled: true },
      { id: id(base + 3), name: `Crm_Implied_Lock_${module.apiName}`, display_label: 'Lock', module: module.apiName, enabled: canLock },
    ];
  });
  return [
    ...perModule,
    {
      id: id(profileSerial * 1000 + 999),
      name: 'Crm_Implied_Customize_Zoho_CRM',
      display_label: 'Customize Zoho CRM',
      module: null,
      enabled: canCustomize,
    },
  ];
};

const profiles = (): ProfileState[] => [
  { id: SEED.profiles.administrator, name: 'Administrator', permissions_details: permissions(101, true, true) },
  { id: SEED.profiles.salesManager, name: 'Sales Manager', permissions_details: permissions(102, true, false) },
  { id: SEED.profiles.salesRep, name: 'Sales Rep', permissions_details: permissions(103, true, false) },
  { id: SEED.profiles.intern, name: 'Intern', permissions_details: permissions(104, false, false) },
];

const user = (
  userId: string,
  first: string,
  last: string,
  email: string,
  profileId: string,
  role: { id: string; name: string },
  locale: string,
  timeZone: string,
  dateFormat: string,
  timeFormat: string,
  zuid: string,
): UserState => ({
  id: userId,
  first_name: first,
  last_name: last,
  email,
  profileId,
  role,
  locale,
  time_zone: timeZone,
  date_format: dateFormat,
  time_format: timeFormat,
  language: locale.slice(0, 2),
  zuid,
});

const users = (): UserState[] => {
  const ceo = { id: id(26005), name: 'CEO' };
  const manager = { id: id(26007), name: 'Manager' };
  const rep = { id: id(26009), name: 'Sales Representative' };
  const { users: u, profiles: p } = SEED;
  return [
    user(u.admin, 'Amelia', 'Admin', 'admin@example.com', p.administrator, ceo, 'en_US', 'America/New_York', 'MM/dd/yyyy', 'hh:mm a', '70010001'),
    user(u.manager, 'Max', 'Manager', 'manager@example.com', p.salesManager, manager, 'en_GB', 'Europe/London', 'dd/MM/yyyy', 'HH:mm', '70010002'),
    user(u.rep, 'Rita', 'Rep', 'rep@example.com', p.salesRep, rep, 'en_US', 'America/Los_Angeles', 'MM/dd/yyyy', 'hh:mm a', '70010003'),
    user(u.intern, 'Ivo', 'Intern', 'intern@example.com', p.intern, rep, 'de_DE', 'Europe/Berlin', 'dd.MM.yyyy', 'HH:mm', '70010004'),
    {
      ...user(u.former, 'Fiona', 'Former', 'former@example.com', p.salesRep, rep, 'en_US', 'America/Chicago', 'MM/dd/yyyy', 'hh:mm a', '70010005'),
      status: 'inactive',
    },
  ];
};

const record = (
  recordId: string,
  fields: Record<string, unknown>,
  ownerId: string,
  extra: Partial<Pick<RecordState, 'approvalState' | 'ziaVisionProcessing'>> = {},
): RecordState => ({
  id: recordId,
  fields,
  ownerId,
  createdById: ownerId,
  modifiedById: ownerId,
  createdTime: SEED_TIME,
  modifiedTime: SEED_TIME,
  approvalState: extra.approvalState ?? 'approved',
  ziaVisionProcessing: extra.ziaVisionProcessing ?? false,
});

const deal = (
  recordId: string,
  name: string,
  stage: string,
  amount: number,
  closing: string,
  account: { name: string; id: string } | null,
  ownerId: string,
  extra: Partial<Pick<RecordState, 'approvalState' | 'ziaVisionProcessing'>> = {},
): RecordState =>
  record(
    recordId,
    {
      Deal_Name: name,
      Stage: stage,
      Amount: amount,
      Closing_Date: closing,
      Account_Name: account,
      Description: null,
      Next_Step: null,
    },
    ownerId,
    extra,
  );

const records = (): Record<string, RecordState[]> => {
  const { deals: d, users: u, accounts: a, leads: l, contacts: c } = SEED;
  return {
    Deals: [
      deal(d.acmeRenewal, 'Acme renewal', 'Negotiation/Review', 48000, '2026-03-31', { name: 'Acme Corp', id: a.acme }, u.rep),
      deal(d.globexExpansion, 'Globex expansion', 'Qualification', 125000, '2026-06-30', { name: 'Globex', id: a.globex }, u.manager),
      deal(d.initechClosedWon, 'Initech platform deal', 'Closed Won', 89000, '2026-01-10', { name: 'Initech', id: a.initech }, u.rep),
      deal(d.umbrellaClosedWon, 'Umbrella support contract', 'Closed Won', 15500, '2025-12-19', null, u.manager),
      deal(d.hooliPricing, 'Hooli enterprise pricing', 'Proposal/Price Quote', 240000, '2026-04-15', null, u.rep),
      deal(d.soylentApproval, 'Soylent discount', 'Negotiation/Review', 32000, '2026-02-28', null, u.rep, {
        approvalState: 'approval_process_pending',
      }),
      deal(d.starkImages, 'Stark site survey', 'Needs Analysis', 56000, '2026-05-20', null, u.manager, {
        ziaVisionProcessing: true,
      }),
      deal(d.wayneClosedLost, 'Wayne retrofit', 'Closed Lost', 70000, '2025-11-30', null, u.rep),
      deal(d.cyberdyneFormerLocker, 'Cyberdyne service renewal', 'Negotiation/Review', 64000, '2026-03-15', null, u.manager),
      deal(d.tyrellFormerLockerAndOwner, 'Tyrell data migration', 'Negotiation/Review', 36000, '2026-04-30', null, u.former),
    ],
    Leads: [
      record(l.janeDoe, { Last_Name: 'Doe', First_Name: 'Jane', Company: 'Doe Ltd', Email: 'jane@doe.example', Lead_Status: 'Contacted', Description: null }, u.rep),
      record(l.johnRoe, { Last_Name: 'Roe', First_Name: 'John', Company: 'Roe & Co', Email: 'john@roe.example', Lead_Status: 'Not Contacted', Description: null }, u.manager),
      record(l.maxMustermann, { Last_Name: 'Mustermann', First_Name: 'Max', Company: 'Muster GmbH', Email: 'max@muster.example', Lead_Status: 'Qualified', Description: null }, u.rep),
    ],
    Accounts: [
      record(a.acme, { Account_Name: 'Acme Corp', Industry: 'Manufacturing', Phone: '+1 555 0100', Annual_Revenue: 1200000, Description: null }, u.rep),
      record(a.globex, { Account_Name: 'Globex', Industry: 'Technology', Phone: '+1 555 0101', Annual_Revenue: 8400000, Description: null }, u.manager),
      record(a.initech, { Account_Name: 'Initech', Industry: 'Software', Phone: '+1 555 0102', Annual_Revenue: 560000, Description: null }, u.rep),
    ],
    Contacts: [
      record(c.aliceSmith, { Last_Name: 'Smith', First_Name: 'Alice', Email: 'alice@acme.example', Account_Name: { name: 'Acme Corp', id: a.acme }, Description: null }, u.rep),
      record(c.bobJones, { Last_Name: 'Jones', First_Name: 'Bob', Email: 'bob@globex.example', Account_Name: { name: 'Globex', id: a.globex }, Description: null }, u.manager),
    ],
  };
};

/** The day the intern asked the rep to unlock the Hooli deal, the day after she locked it. */
const REQUEST_TIME = '2026-01-13T10:15:00-05:00';

/** The marker the widget ends an unlock request's description with, to find its requests again. */
export const UNLOCK_REQUEST_MARKER = '[record-lock:unlock-request]';

const tasks = (): RecordState[] => [
  {
    ...record(
      SEED.tasks.hooliUnlockRequest,
      {
        Subject: 'Unlock request: Hooli enterprise pricing',
        Status: 'Not Started',
        Priority: 'High',
        Due_Date: REQUEST_TIME.slice(0, 10),
        Description: `Ivo Intern asked to unlock this record.\n\nMessage: I need to update the contact details for the renewal.\n\n${UNLOCK_REQUEST_MARKER}`,
        Send_Notification_Email: true,
        What_Id: { id: SEED.deals.hooliPricing },
        $se_module: 'Deals',
        Closed_Time: null,
      },
      SEED.users.rep,
    ),
    createdById: SEED.users.intern,
    modifiedById: SEED.users.intern,
    createdTime: REQUEST_TIME,
    modifiedTime: REQUEST_TIME,
  },
];

/** The lock history of the Hooli deal as notes under the widget's fixed title, oldest first. */
const notes = (): RecordState[] => {
  const note = (noteId: string, by: string, time: string, content: string): RecordState => ({
    ...record(noteId, { Note_Title: 'Record Lock', Note_Content: content, Parent_Id: { module: { api_name: 'Deals' }, id: SEED.deals.hooliPricing } }, by),
    createdTime: time,
    modifiedTime: time,
  });
  const { notes: n, users: u } = SEED;
  return [
    note(n.hooliManagerLocked, u.manager, '2026-01-08T11:00:00-05:00', "Max Manager locked this record. Reason: Waiting for the customer's budget"),
    note(n.hooliManagerUnlocked, u.manager, '2026-01-09T16:20:00-05:00', 'Max Manager unlocked this record.'),
    note(n.hooliRepLocked, u.rep, LOCK_TIME, 'Rita Rep locked this record. Reason: Pricing under legal review'),
    note(n.hooliInternAsked, u.intern, REQUEST_TIME, 'Ivo Intern asked Rita Rep to unlock this record.'),
  ];
};

const adminRef = { name: 'Amelia Admin', id: SEED.users.admin };

const configurations = (): ConfigurationState[] => {
  const common = {
    lock_excluded_profiles: [],
    excluded_fields: [],
    restricted_communications: null,
    restricted_custom_buttons: null,
    lock_for_portal_users: true,
    locking_rules: [],
    feature_type: 'record_locking' as const,
    system_defined: false,
    created_time: SEED_TIME,
    modified_time: SEED_TIME,
    created_by: adminRef,
    modified_by: adminRef,
  };
  const dealsModule = MODULES.find((m) => m.apiName === 'Deals');
  const fieldId = (name: string): string => dealsModule?.fields.find((f) => f.api_name === name)?.id ?? '';
  return [
    {
      ...common,
      id: SEED.configurations.deals,
      module: 'Deals',
      lock_type: 'both',
      locked_for: 'all_profiles_except_excluded_profiles',
      lock_excluded_profiles: [{ name: 'Administrator', id: SEED.profiles.administrator }],
      excluded_fields: [
        { api_name: 'Description', id: fieldId('Description') },
        { api_name: 'Next_Step', id: fieldId('Next_Step') },
      ],
      restricted_actions: ['update', 'delete', 'tags', 'change_owner'],
      restricted_communications: ['send_mail'],
      restricted_custom_buttons: [{ name: 'Send to legal', id: SEED.customButtons.sendToLegal }],
      locking_rules: [
        {
          id: SEED.rules.closedWonDeals,
          name: 'Closed Won deals',
          lock_existing_records: true,
          criteria: { comparator: 'equal', field: { api_name: 'Stage', id: fieldId('Stage') }, type: 'value', value: 'Closed Won' },
        },
      ],
    },
    { ...common, id: SEED.configurations.leads, module: 'Leads', lock_type: 'manual', locked_for: 'all_profiles', restricted_actions: ['update'] },
    {
      ...common,
      id: SEED.configurations.accounts,
      module: 'Accounts',
      lock_type: 'manual',
      locked_for: 'all_profiles',
      restricted_actions: ['update', 'delete'],
    },
  ];
};

/** A fresh copy of the demo org (or an empty org with the same users when `withData` is false). */
export const seedState = (withData = true): EmulatorState => ({
  version: 1,
  nextId: 900001,
  users: users(),
  profiles: profiles(),
  tokens: DEMO_USERS.map((demo) => ({
    token: demo.token,
    userId: users().find((u) => u.email === demo.email)?.id ?? '',
    scopes: [...FULL_SCOPES],
    expiresAt: null,
  })),
  customButtons: [{ id: SEED.customButtons.sendToLegal, name: 'Send to legal', module: 'Deals' }],
  records: withData ? { ...records(), Tasks: tasks(), Notes: notes() } : {},
  locks: withData ? seedLocks() : [],
  configurations: withData ? configurations() : [],
});
