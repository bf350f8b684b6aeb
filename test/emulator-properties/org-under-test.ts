/**
 * The part of the seeded demo org the property tests drive: who calls, which records, which
 * fields they change and which values the rules look for.
 */
import { SEED, type Emulator } from '../../server/emulator';

export const ACTORS = ['admin', 'manager', 'rep', 'intern', 'narrowScope'] as const;
export type Actor = (typeof ACTORS)[number];

export interface ActorIdentity {
  token: string;
  userId: string;
  profileId: string;
}

/**
 * Tokens for each actor. `narrowScope` is the sales rep with a token that holds only the records
 * scope: every lock and configuration call must be refused with OAUTH_SCOPE_MISMATCH.
 */
export const identities = (emulator: Emulator): Record<Actor, ActorIdentity> => ({
  admin: { token: '1000.demo.admin', userId: SEED.users.admin, profileId: SEED.profiles.administrator },
  manager: { token: '1000.demo.manager', userId: SEED.users.manager, profileId: SEED.profiles.salesManager },
  rep: { token: '1000.demo.rep', userId: SEED.users.rep, profileId: SEED.profiles.salesRep },
  intern: { token: '1000.demo.intern', userId: SEED.users.intern, profileId: SEED.profiles.intern },
  narrowScope: {
    token: emulator.issueToken('rep@example.com', ['ZohoCRM.modules.ALL', 'ZohoCRM.users.READ']),
    userId: SEED.users.rep,
    profileId: SEED.profiles.salesRep,
  },
});

/** Profiles whose seed permissions hold Lock on every module. */
export const LOCKING_PROFILES: ReadonlySet<string> = new Set([
  SEED.profiles.administrator,
  SEED.profiles.salesManager,
  SEED.profiles.salesRep,
]);
export const CUSTOMIZING_PROFILES: ReadonlySet<string> = new Set([SEED.profiles.administrator]);
export const PROFILE_IDS: readonly string[] = Object.values(SEED.profiles);

export interface ModuleUnderTest {
  records: readonly string[];
  /** The field the generated rules compare, and the values they look for. */
  ruleField: string;
  ruleValues: readonly unknown[];
  /** Writable fields a record update may change, with candidate values. */
  changes: Readonly<Record<string, readonly unknown[]>>;
  /** Fields a configuration may leave editable on locked records. */
  excludable: readonly string[];
}

export const MODULES_UNDER_TEST = {
  Deals: {
    records: Object.values(SEED.deals),
    ruleField: 'Stage',
    // 'Proposal/Price Quote' is the stage of the seed's manually locked deal, so rules reach manual locks ("Both").
    ruleValues: ['Qualification', 'Negotiation/Review', 'Closed Won', 'Closed Lost', 'Proposal/Price Quote'],
    changes: {
      Stage: ['Qualification', 'Negotiation/Review', 'Closed Won', 'Closed Lost', 'Proposal/Price Quote'],
      Description: [null, 'Call back in March', '<img src=x onerror=alert(1)>'],
      Next_Step: ['Send contract', 'Demo'],
      Amount: [1000, 48000, 250000],
    },
    excludable: ['Description', 'Next_Step', 'Amount', 'Stage'],
  },
  Leads: {
    records: Object.values(SEED.leads),
    ruleField: 'Lead_Status',
    ruleValues: ['Contacted', 'Not Contacted', 'Qualified'],
    changes: {
      Lead_Status: ['Contacted', 'Not Contacted', 'Qualified'],
      Description: [null, 'Met at the fair'],
      Company: ['Doe Ltd', 'Roe & Co', 'Nakatomi'],
    },
    excludable: ['Description', 'Company', 'Lead_Status'],
  },
} as const satisfies Record<string, ModuleUnderTest>;

export type ModuleName = keyof typeof MODULES_UNDER_TEST;
export const MODULE_NAMES = Object.keys(MODULES_UNDER_TEST) as ModuleName[];

/** A well-formed lock id that names no lock: stands for a lock id read before someone unlocked. */
export const STALE_LOCK_ID = '5843104000000999999';
