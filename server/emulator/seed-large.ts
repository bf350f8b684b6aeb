/**
 * A large org for the Web Tab of locked records and its benchmark: the demo org, with Deals grown
 * to 2,000 deals of which 300 are locked — by hand by the rep, the manager and the administrator
 * with varied reasons over the 90 days before LARGE_ORG_TIME, and by the rule "Closed Won deals"
 * (some of those also by hand: "Both"). Seeded pseudo-random numbers make every build the same.
 */
import { SEED, seedId } from './seed-ids';
import { seedState } from './seed';
import type { EmulatorState, LockState, RecordState } from './state';
import { zohoTime } from './zoho-time';

export const LARGE_ORG = {
  deals: 2000,
  locked: 300,
  /** Closed Won deals, all held by the rule; the first `both` of the generated ones are locked by hand too. */
  closedWon: 60,
  both: 10,
  /** Serials of the generated deals' and locks' ids (seedId(serial)). */
  firstDealSerial: 500001,
  firstLockSerial: 600001,
} as const;

/** The newest lock is this old at most; the oldest about 90 days before it. */
export const LARGE_ORG_TIME = '2026-01-12T14:30:00-05:00';
const SPREAD_MS = 90 * 24 * 60 * 60 * 1000;

/** mulberry32: a small, fast, seeded generator; the same seed gives the same org everywhere. */
const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const COMPANIES = [
  'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Proseware', 'Adventure Works',
  'Blue Yonder', 'Coho Vineyard', 'Lucerne', 'Margie Travel', 'Trey Research', 'Woodgrove', 'Alpine Ski', 'Datum',
];
const DEAL_KINDS = ['renewal', 'expansion', 'pilot', 'upgrade', 'support plan', 'migration', 'licence true-up', 'onboarding'];
const OPEN_STAGES = ['Qualification', 'Needs Analysis', 'Value Proposition', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Lost'];
const REASONS = [
  'Pricing under legal review',
  'Waiting for the signed contract',
  'Credit check in progress',
  'Discount above policy: needs VP approval',
  'Customer disputes the invoice',
  'Frozen during the quarterly audit',
  'Data protection review of the customer',
  'Duplicate suspected: checking with the account owner',
  'Territory change pending',
  'Contract terms with procurement',
  'On hold at the customer’s request',
  'Export control check',
];
const LOCKERS = [SEED.users.rep, SEED.users.rep, SEED.users.manager, SEED.users.manager, SEED.users.admin];
const OWNERS = [SEED.users.rep, SEED.users.manager];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

const shuffled = (count: number, random: () => number): number[] => {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
};

/** The demo org with 2,000 deals (its eight among them), 300 locked. */
export const largeOrgState = (): EmulatorState => {
  const state = seedState(true);
  const random = seededRandom(20260112);
  const demoDeals = state.records['Deals'] ?? [];
  const demoLocks = state.locks.filter((l) => l.module === 'Deals');
  const count = LARGE_ORG.deals - demoDeals.length;
  const demoClosedWon = demoDeals.filter((d) => d.fields['Stage'] === 'Closed Won').length;
  const closedWon = LARGE_ORG.closedWon - demoClosedWon;
  const manualOnly = LARGE_ORG.locked - demoLocks.length - closedWon;
  const end = Date.parse(LARGE_ORG_TIME);

  // Which generated deals are Closed Won (rule), locked by hand only, or neither.
  const order = shuffled(count, random);
  const role = new Map<number, 'closedWon' | 'both' | 'manual'>();
  order.slice(0, closedWon).forEach((index, i) => role.set(index, i < LARGE_ORG.both ? 'both' : 'closedWon'));
  order.slice(closedWon, closedWon + manualOnly).forEach((index) => role.set(index, 'manual'));

  const deals: RecordState[] = [];
  const locks: LockState[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = seedId(LARGE_ORG.firstDealSerial + i);
    const kind = role.get(i);
    const owner = pick(OWNERS, random);
    const created = zohoTime(new Date(end - SPREAD_MS - random() * SPREAD_MS));
    const closing = new Date(end + (random() - 0.3) * SPREAD_MS * 2).toISOString().slice(0, 10);
    deals.push({
      id,
      fields: {
        Deal_Name: `${pick(COMPANIES, random)} ${pick(DEAL_KINDS, random)} #${String(i + 1).padStart(4, '0')}`,
        Stage: kind === 'closedWon' || kind === 'both' ? 'Closed Won' : pick(OPEN_STAGES, random),
        Amount: Math.round(1000 + random() * 249) * 100,
        Closing_Date: closing,
        Account_Name: null,
        Description: null,
        Next_Step: null,
      },
      ownerId: owner,
      createdById: owner,
      modifiedById: owner,
      createdTime: created,
      modifiedTime: created,
      approvalState: 'approved',
      ziaVisionProcessing: false,
    });
    if (kind === undefined) continue;
    const byHand = kind !== 'closedWon';
    const locker = byHand ? pick(LOCKERS, random) : null;
    const lockedAt = zohoTime(new Date(end - random() * SPREAD_MS));
    const by = locker ?? SEED.users.admin;
    locks.push({
      id: seedId(LARGE_ORG.firstLockSerial + locks.length),
      module: 'Deals',
      recordId: id,
      reason: byHand ? pick(REASONS, random) : null,
      source: kind === 'manual' ? 'Manual' : kind === 'both' ? 'Both' : 'Automatic',
      lockedAt,
      lockedById: locker,
      ruleId: kind === 'manual' ? null : SEED.rules.closedWonDeals,
      configurationId: SEED.configurations.deals,
      createdById: by,
      modifiedById: by,
      createdTime: lockedAt,
      modifiedTime: lockedAt,
    });
  }
  state.records['Deals'] = [...demoDeals, ...deals];
  state.locks = [...state.locks, ...locks];
  return state;
};
