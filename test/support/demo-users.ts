import type { CurrentUser } from '../../widget/host/host';

/**
 * The emulator's seeded demo org as the SDK would report its users, for tests and the memory host
 * (ids and tokens match server/emulator's seed).
 */
export type DemoUserKey = 'admin' | 'manager' | 'rep' | 'intern';

export interface DemoUser {
  user: CurrentUser;
  /** The emulator's fixed OAuth token for this user. */
  token: string;
}

const role = { ceo: { id: '5843104000000026005', name: 'CEO' }, manager: { id: '5843104000000026007', name: 'Manager' } };
const salesRep = { id: '5843104000000026009', name: 'Sales Representative' };

export const demoUsers: Record<DemoUserKey, DemoUser> = {
  admin: {
    token: '1000.demo.admin',
    user: {
      id: '5843104000000321001',
      fullName: 'Amelia Admin',
      email: 'admin@example.com',
      profile: { id: '5843104000000026011', name: 'Administrator' },
      role: role.ceo,
      locale: 'en_US',
      timeZone: 'America/New_York',
    },
  },
  manager: {
    token: '1000.demo.manager',
    user: {
      id: '5843104000000321003',
      fullName: 'Max Manager',
      email: 'manager@example.com',
      profile: { id: '5843104000000026013', name: 'Sales Manager' },
      role: role.manager,
      locale: 'en_GB',
      timeZone: 'Europe/London',
    },
  },
  rep: {
    token: '1000.demo.rep',
    user: {
      id: '5843104000000321005',
      fullName: 'Rita Rep',
      email: 'rep@example.com',
      profile: { id: '5843104000000026015', name: 'Sales Rep' },
      role: salesRep,
      locale: 'en_US',
      timeZone: 'America/Los_Angeles',
    },
  },
  intern: {
    token: '1000.demo.intern',
    user: {
      id: '5843104000000321007',
      fullName: 'Ivo Intern',
      email: 'intern@example.com',
      profile: { id: '5843104000000026017', name: 'Intern' },
      role: salesRep,
      locale: 'de_DE',
      timeZone: 'Europe/Berlin',
    },
  },
};

/**
 * A memory host's identity for a demo user. The org connection is authorised once by the
 * administrator who installed the extension, so it always carries the admin's token.
 * @example createMemoryHost({ handle: emulator.handle, page, ...demoIdentity('rep') })
 */
export function demoIdentity(key: DemoUserKey): { user: CurrentUser; tokens: { user: string; org: string } } {
  const { user, token } = demoUsers[key];
  return { user: structuredClone(user), tokens: { user: token, org: demoUsers.admin.token } };
}
