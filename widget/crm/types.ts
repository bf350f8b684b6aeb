/**
 * The CRM facts the widget works with, in the product's words. crm/ turns Zoho's JSON into these
 * (zod schemas beside each call); nothing above crm/ sees Zoho's keys.
 */

export type LockSource = 'Manual' | 'Automatic' | 'Both';

/** One active lock on a record (a Locking_Information__s record). */
export interface Lock {
  /** record_locking_id: needed to edit the reason or unlock. */
  id: string;
  /** null for automatic locks */
  reason: string | null;
  source: LockSource;
  /** ISO 8601 with offset, as Zoho sends it */
  lockedAt: string;
  /** null for automatic locks */
  lockedBy: { id: string; name: string } | null;
  /** The rule behind an automatic lock; null for manual locks. */
  ruleId: string | null;
  /** `$editable`: whether the caller may change the lock record itself. */
  editable: boolean | null;
}

export type LockType = 'manual' | 'automatic' | 'both';
export type LockedFor = 'all_profiles' | 'all_profiles_except_excluded_profiles';
export type RestrictedAction = 'update' | 'delete' | 'tags' | 'change_owner' | 'convert';

export interface LockingRule {
  id: string;
  name: string;
}

/** A module's record-locking configuration. */
export interface LockingConfiguration {
  id: string;
  lockType: LockType;
  lockedFor: LockedFor;
  /** Profiles exempt from the lock: they may still make the restricted changes. */
  excludedProfiles: { id: string; name: string }[];
  /** Fields that stay editable on a locked record. */
  excludedFields: { apiName: string; id: string | null }[];
  /** Always contains "update". */
  restrictedActions: RestrictedAction[];
  restrictedCommunications: string[];
  restrictedCustomButtons: { id: string; name: string }[];
  rules: LockingRule[];
}

/** Whether the user's profile holds the permission to lock this module's records by hand. */
export type LockPermission = 'granted' | 'denied' | 'unknown';

/** Why a record may refuse changes for a cause other than record locking. */
export type RecordHold = 'none' | 'awaiting_approval' | 'approval_rejected' | 'zia_vision_processing';

/** What the widget reads of the record itself. */
export interface RecordSummary {
  id: string;
  hold: RecordHold;
  /** The record's name (e.g. Deal_Name), when the answer carries one. */
  name?: string;
  /** The record's owner, when the answer carries one: who may answer an unlock request its locker cannot. */
  owner?: { id: string; name: string };
}

export interface RecordRef {
  module: string;
  recordId: string;
}
