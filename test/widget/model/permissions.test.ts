import { describe, expect, it } from 'vitest';
import type { Lock, LockingConfiguration, LockPermission, RecordHold } from '../../../widget/crm/types';
import { permissionsFor } from '../../../widget/model/permissions';
import { ADMIN_PROFILE, MANAGER_PROFILE, automaticLock, configuration, manualLock } from './fixtures';

const none = null;
const manualOnly = configuration({ lockType: 'manual' });
const automaticOnly = configuration({ lockType: 'automatic' });
const both = configuration({ lockType: 'both' });
const forAll = configuration({ lockedFor: 'all_profiles', excludedProfiles: [] });
const manual = manualLock();
const automatic = automaticLock();
const bothSources = manualLock({ source: 'Both', ruleId: 'rule-1' });

type Row = [string, LockPermission, LockingConfiguration | null, Lock | null, string, string, string];

// profile | lock permission | configuration | lock -> lock | editReason | unlock ("ok" or the reason)
const rows: Row[] = [
  [MANAGER_PROFILE.id, 'granted', manualOnly, null, 'ok', 'notLocked', 'notLocked'],
  [MANAGER_PROFILE.id, 'granted', both, null, 'ok', 'notLocked', 'notLocked'],
  [MANAGER_PROFILE.id, 'granted', automaticOnly, null, 'automaticOnly', 'notLocked', 'notLocked'],
  [MANAGER_PROFILE.id, 'granted', none, null, 'noConfiguration', 'noConfiguration', 'noConfiguration'],
  [MANAGER_PROFILE.id, 'denied', manualOnly, null, 'noLockPermission', 'notLocked', 'notLocked'],
  [MANAGER_PROFILE.id, 'unknown', manualOnly, null, 'ok', 'notLocked', 'notLocked'],
  [MANAGER_PROFILE.id, 'granted', manualOnly, manual, 'alreadyLocked', 'ok', 'ok'],
  [MANAGER_PROFILE.id, 'unknown', both, manual, 'alreadyLocked', 'ok', 'ok'],
  [MANAGER_PROFILE.id, 'denied', both, manual, 'alreadyLocked', 'noLockPermission', 'noLockPermission'],
  [MANAGER_PROFILE.id, 'granted', both, manualLock({ editable: false }), 'alreadyLocked', 'readOnlyLock', 'readOnlyLock'],
  [MANAGER_PROFILE.id, 'unknown', both, manualLock({ editable: false }), 'alreadyLocked', 'readOnlyLock', 'readOnlyLock'],
  [MANAGER_PROFILE.id, 'denied', both, manualLock({ editable: false }), 'alreadyLocked', 'noLockPermission', 'noLockPermission'],
  [MANAGER_PROFILE.id, 'granted', both, automatic, 'alreadyLocked', 'automaticLock', 'automaticLock'],
  [MANAGER_PROFILE.id, 'granted', both, bothSources, 'alreadyLocked', 'automaticLock', 'automaticLock'],
  [ADMIN_PROFILE.id, 'granted', both, automatic, 'alreadyLocked', 'automaticLock', 'automaticLock'],
  [ADMIN_PROFILE.id, 'granted', automaticOnly, null, 'automaticOnly', 'notLocked', 'notLocked'],
];

const verdict = (permission: { allowed: boolean; reason?: string }) => (permission.allowed ? 'ok' : permission.reason);

describe('permissionsFor', () => {
  it.each(rows)('profile %s with permission %s, configuration and lock -> lock %#', (profileId, lockPermission, config, lock, lockVerdict, editVerdict, unlockVerdict) => {
    const permissions = permissionsFor({ profileId, lockPermission, configuration: config, lock, hold: 'none' });
    expect([verdict(permissions.lock), verdict(permissions.editReason), verdict(permissions.unlock)]).toEqual([
      lockVerdict,
      editVerdict,
      unlockVerdict,
    ]);
  });

  it.each<[RecordHold]>([['awaiting_approval'], ['approval_rejected'], ['zia_vision_processing']])(
    'does not offer to lock a record held for %s',
    (hold) => {
      const permissions = permissionsFor({ profileId: MANAGER_PROFILE.id, lockPermission: 'granted', configuration: both, lock: null, hold });
      expect(permissions.lock).toEqual({ allowed: false, reason: 'recordHeld' });
    },
  );

  it.each<[string, string, LockingConfiguration, Lock | null, boolean]>([
    ['an exempt profile', ADMIN_PROFILE.id, both, manual, false],
    ['a profile not in the exempt list', MANAGER_PROFILE.id, both, manual, true],
    ['any profile when locked for all profiles', ADMIN_PROFILE.id, forAll, manual, true],
    ['nobody when the record is unlocked', MANAGER_PROFILE.id, both, null, false],
  ])('binds %s accordingly', (_label, profileId, config, lock, binds) => {
    const permissions = permissionsFor({ profileId, lockPermission: 'granted', configuration: config, lock, hold: 'none' });
    expect(permissions.bindsViewer).toBe(binds);
  });
});
