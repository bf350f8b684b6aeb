import type { CurrentUser } from '../../../widget/host/host';
import type { Lock, LockingConfiguration } from '../../../widget/crm/types';

export const ADMIN_PROFILE = { id: '111', name: 'Administrator' };
export const MANAGER_PROFILE = { id: '222', name: 'Manager' };
export const INTERN_PROFILE = { id: '444', name: 'Intern' };

export function userWith(profile: { id: string; name: string }, overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: `u-${profile.id}`,
    fullName: `${profile.name} User`,
    email: `${profile.name.toLowerCase()}@example.com`,
    profile,
    role: null,
    locale: 'en_US',
    timeZone: 'UTC',
    ...overrides,
  };
}

export const manager = userWith(MANAGER_PROFILE, { id: 'u-max', fullName: 'Max Manager' });

export function configuration(overrides: Partial<LockingConfiguration> = {}): LockingConfiguration {
  return {
    id: 'cfg-1',
    lockType: 'both',
    lockedFor: 'all_profiles_except_excluded_profiles',
    excludedProfiles: [ADMIN_PROFILE],
    excludedFields: [{ apiName: 'Description', id: null }],
    restrictedActions: ['update', 'delete'],
    restrictedCommunications: ['send_mail'],
    restrictedCustomButtons: [{ id: 'b1', name: 'Send quote' }],
    rules: [{ id: 'rule-1', name: 'Closed deals' }],
    ...overrides,
  };
}

export function manualLock(overrides: Partial<Lock> = {}): Lock {
  return {
    id: 'lock-1',
    reason: 'Contract under review',
    source: 'Manual',
    lockedAt: '2024-03-01T10:00:00+00:00',
    lockedBy: { id: 'u-sam', name: 'Sam Sales' },
    ruleId: null,
    editable: true,
    ...overrides,
  };
}

export function automaticLock(overrides: Partial<Lock> = {}): Lock {
  return manualLock({ id: 'lock-auto', reason: null, source: 'Automatic', lockedBy: null, ruleId: 'rule-1', editable: false, ...overrides });
}
