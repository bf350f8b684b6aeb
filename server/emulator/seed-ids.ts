/**
 * The demo org's fixed ids and tokens, so tests, the harness and the README can name them
 * (e.g. `SEED.deals.acmeRenewal`).
 */

export const seedId = (serial: number): string => `5843104000000${String(serial).padStart(6, '0')}`;

export const SEED = {
  profiles: {
    administrator: seedId(26011),
    salesManager: seedId(26013),
    salesRep: seedId(26015),
    intern: seedId(26017),
  },
  users: {
    admin: seedId(321001),
    manager: seedId(321003),
    rep: seedId(321005),
    intern: seedId(321007),
    /** Deactivated: still named on old records, refused as the owner of a new one. */
    former: seedId(321009),
  },
  configurations: {
    deals: seedId(412101),
    leads: seedId(412201),
    accounts: seedId(412301),
  },
  rules: {
    closedWonDeals: seedId(412111),
  },
  customButtons: {
    sendToLegal: seedId(460001),
  },
  deals: {
    acmeRenewal: seedId(410001),
    globexExpansion: seedId(410002),
    initechClosedWon: seedId(410003),
    umbrellaClosedWon: seedId(410004),
    hooliPricing: seedId(410005),
    soylentApproval: seedId(410006),
    starkImages: seedId(410007),
    wayneClosedLost: seedId(410008),
    /** Locked by hand by Fiona Former, who has left; owned by Max Manager: asking to unlock goes to him. */
    cyberdyneFormerLocker: seedId(410009),
    /** Locked by hand by Fiona Former and owned by her too: asking to unlock goes to the administrators. */
    tyrellFormerLockerAndOwner: seedId(410010),
  },
  locks: {
    initechClosedWon: seedId(420001),
    umbrellaClosedWon: seedId(420002),
    hooliPricing: seedId(420003),
    cyberdyneFormerLocker: seedId(420004),
    tyrellFormerLockerAndOwner: seedId(420005),
  },
  leads: { janeDoe: seedId(430001), johnRoe: seedId(430002), maxMustermann: seedId(430003) },
  accounts: { acme: seedId(440001), globex: seedId(440002), initech: seedId(440003) },
  contacts: { aliceSmith: seedId(450001), bobJones: seedId(450002) },
  tasks: { hooliUnlockRequest: seedId(470001) },
  notes: {
    hooliManagerLocked: seedId(480001),
    hooliManagerUnlocked: seedId(480002),
    hooliRepLocked: seedId(480003),
    hooliInternAsked: seedId(480004),
  },
} as const;

/** The demo users' fixed OAuth tokens (full scope, never expire). */
export const DEMO_USERS: readonly { email: string; token: string; name: string; profileName: string }[] = [
  { email: 'admin@example.com', token: '1000.demo.admin', name: 'Amelia Admin', profileName: 'Administrator' },
  { email: 'manager@example.com', token: '1000.demo.manager', name: 'Max Manager', profileName: 'Sales Manager' },
  { email: 'rep@example.com', token: '1000.demo.rep', name: 'Rita Rep', profileName: 'Sales Rep' },
  { email: 'intern@example.com', token: '1000.demo.intern', name: 'Ivo Intern', profileName: 'Intern' },
];

export const FULL_SCOPES: readonly string[] = [
  'ZohoCRM.modules.ALL',
  'ZohoCRM.settings.ALL',
  'ZohoCRM.users.ALL',
  'ZohoCRM.org.ALL',
  'ZohoCRM.modules.lockinginformation.ALL',
  'ZohoSearch.securesearch.READ',
  'ZohoCRM.coql.READ',
];
