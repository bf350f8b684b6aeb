import type { Lock, LockingConfiguration, LockPermission, RecordHold } from '../crm/types';

export type DeniedReason =
  | 'noConfiguration'
  | 'automaticOnly'
  | 'noLockPermission'
  | 'readOnlyLock'
  | 'alreadyLocked'
  | 'notLocked'
  | 'automaticLock'
  | 'recordHeld';

export type Permission = { allowed: true } | { allowed: false; reason: DeniedReason };

export interface Permissions {
  lock: Permission;
  editReason: Permission;
  unlock: Permission;
  /** Whether the lock restricts this viewer (false when unlocked or when their profile is exempt). */
  bindsViewer: boolean;
}

export interface PermissionFacts {
  profileId: string;
  lockPermission: LockPermission;
  /** null: the module has no locking configuration. */
  configuration: LockingConfiguration | null;
  lock: Lock | null;
  hold: RecordHold;
}

const ALLOWED: Permission = { allowed: true };
const deny = (reason: DeniedReason): Permission => ({ allowed: false, reason });

/**
 * What the viewer may do with the record's lock, and why not. Zoho decides in the end; this only
 * keeps the widget from offering what Zoho will refuse.
 *
 * A lock permission of "unknown" counts as allowed: the name of Zoho's Lock permission is not
 * documented, so when the profile lookup cannot find it we offer the action and let Zoho answer
 * (a NO_PERMISSION answer then turns the permission to "denied").
 */
export function permissionsFor({ profileId, lockPermission, configuration, lock, hold }: PermissionFacts): Permissions {
  return {
    lock: lockPermissionFor(lockPermission, configuration, lock, hold),
    editReason: changePermissionFor(lockPermission, configuration, lock),
    unlock: changePermissionFor(lockPermission, configuration, lock),
    bindsViewer: lock !== null && !isExempt(profileId, configuration),
  };
}

function lockPermissionFor(
  lockPermission: LockPermission,
  configuration: LockingConfiguration | null,
  lock: Lock | null,
  hold: RecordHold,
): Permission {
  if (configuration === null) return deny('noConfiguration');
  if (lock !== null) return deny('alreadyLocked');
  if (configuration.lockType === 'automatic') return deny('automaticOnly');
  if (lockPermission === 'denied') return deny('noLockPermission');
  if (hold !== 'none') return deny('recordHeld');
  return ALLOWED;
}

/** Editing the reason and unlocking follow the same rule: only a manual lock, only with the Lock permission. */
function changePermissionFor(
  lockPermission: LockPermission,
  configuration: LockingConfiguration | null,
  lock: Lock | null,
): Permission {
  if (configuration === null) return deny('noConfiguration');
  if (lock === null) return deny('notLocked');
  // "Both" means a rule holds the record too: a manual change would be refused like an automatic one.
  if (lock.source !== 'Manual') return deny('automaticLock');
  if (lockPermission === 'denied') return deny('noLockPermission');
  // `$editable: false` says this caller may not change the lock record, for a reason Zoho does not give (e.g. read-only sharing).
  if (lock.editable === false) return deny('readOnlyLock');
  return ALLOWED;
}

function isExempt(profileId: string, configuration: LockingConfiguration | null): boolean {
  return (
    configuration?.lockedFor === 'all_profiles_except_excluded_profiles' &&
    configuration.excludedProfiles.some((profile) => profile.id === profileId)
  );
}
