/**
 * The emulator's whole state as plain JSON: what `snapshot()` returns and the data file holds.
 * Configurations are kept in Zoho's own JSON shape so that reading one back is a copy.
 */

export interface UserState {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  profileId: string;
  role: { id: string; name: string };
  locale: string;
  time_zone: string;
  date_format: string;
  time_format: string;
  language: string;
  zuid: string;
  /** Absent means active: data files written before users could be deactivated. */
  status?: UserStatus;
}

/** Zoho reads more (disabled, closed, …); the API writes only active and inactive, and a deleted user stays named on old records. */
export type UserStatus = 'active' | 'inactive' | 'deleted';

export interface PermissionState {
  id: string;
  name: string;
  display_label: string;
  module: string | null;
  enabled: boolean;
}

export interface ProfileState {
  id: string;
  name: string;
  /** Administrators hold "Customize Zoho CRM" and may read and change locking configurations. */
  permissions_details: PermissionState[];
}

export interface TokenState {
  token: string;
  userId: string;
  scopes: string[];
  /** ISO time, or null for a token that never expires (the demo tokens). */
  expiresAt: string | null;
}

export type ApprovalState = 'approved' | 'approval_process_pending' | 'approval_process_rejected';

export interface RecordState {
  id: string;
  /** The record's own field values (Deal_Name, Stage, ...), without the system fields. */
  fields: Record<string, unknown>;
  ownerId: string;
  createdById: string;
  modifiedById: string;
  createdTime: string;
  modifiedTime: string;
  approvalState: ApprovalState;
  /** Zia is checking the record's images: changes answer RECORD_LOCKED zia_vision_processing. */
  ziaVisionProcessing: boolean;
}

/** "Both": a manual lock that a rule also holds; it goes back to "Manual" when the rule stops matching. */
export type LockSource = 'Manual' | 'Automatic' | 'Both';

export interface LockState {
  id: string;
  module: string;
  recordId: string;
  reason: string | null;
  source: LockSource;
  lockedAt: string;
  lockedById: string | null;
  ruleId: string | null;
  configurationId: string;
  createdById: string;
  modifiedById: string;
  createdTime: string;
  modifiedTime: string;
}

export interface FieldCondition {
  comparator: Comparator;
  field: { api_name: string; id: string };
  type: 'value';
  value: unknown;
}

export interface GroupCriteria {
  group_operator: 'AND' | 'OR';
  group: Criteria[];
}

export type Criteria = FieldCondition | GroupCriteria;

export const COMPARATORS = ['equal', 'not_equal', 'greater_than', 'less_than'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export interface LockingRuleState {
  id: string;
  name: string;
  lock_existing_records: boolean;
  criteria: Criteria;
}

export const LOCK_TYPES = ['manual', 'automatic', 'both'] as const;
export type LockType = (typeof LOCK_TYPES)[number];
export const LOCKED_FOR = ['all_profiles', 'all_profiles_except_excluded_profiles'] as const;
export type LockedFor = (typeof LOCKED_FOR)[number];
export const RESTRICTED_ACTIONS = ['convert', 'update', 'delete', 'change_owner', 'tags'] as const;
export const RESTRICTED_COMMUNICATIONS = ['send_mail', 'send_survey', 'send_portal_invitation'] as const;

export interface UserRef {
  name: string;
  id: string;
}

export interface ConfigurationState {
  id: string;
  module: string;
  lock_type: LockType;
  locked_for: LockedFor;
  lock_excluded_profiles: UserRef[];
  excluded_fields: { api_name: string; id: string }[];
  restricted_actions: string[];
  restricted_communications: string[] | null;
  restricted_custom_buttons: UserRef[] | null;
  lock_for_portal_users: boolean;
  locking_rules: LockingRuleState[];
  feature_type: 'record_locking';
  system_defined: boolean;
  created_time: string;
  modified_time: string;
  created_by: UserRef;
  modified_by: UserRef;
}

export interface CustomButtonState {
  id: string;
  name: string;
  module: string;
}

export interface EmulatorState {
  version: 1;
  /** Next serial for new ids; ids are digit strings like Zoho's. */
  nextId: number;
  users: UserState[];
  profiles: ProfileState[];
  tokens: TokenState[];
  customButtons: CustomButtonState[];
  /** Records per module API name. */
  records: Record<string, RecordState[]>;
  locks: LockState[];
  configurations: ConfigurationState[];
}

export const ID_PREFIX = '5843104000000';

/** A new id, unique within this state. */
export const newId = (state: EmulatorState): string => {
  const serial = state.nextId;
  state.nextId += 1;
  return `${ID_PREFIX}${String(serial).padStart(6, '0')}`;
};

/** Zoho's ids are digit strings past the precision of a JS number: order them as strings of digits. */
export const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
