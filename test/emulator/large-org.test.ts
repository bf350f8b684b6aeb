import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import { call } from './call';

interface Lock {
  recordId: string;
  source: string;
  reason: string | null;
  lockedAt: string;
  lockedById: string | null;
}
interface Snapshot {
  records: { Deals: { id: string; fields: { Stage: string } }[] };
  locks: Lock[];
}

const LOCKED = `/Deals/search?criteria=${encodeURIComponent('(Locked__s:equals:true)')}&fields=Deal_Name,Locked__s`;
const DAY = 24 * 60 * 60 * 1000;

let emulator: Emulator;
let org: Snapshot;
beforeAll(() => {
  emulator = createEmulator({ seed: 'large' });
  org = emulator.snapshot() as Snapshot;
});

const dealLocks = () => org.locks.filter((l) => (l as Lock & { module: string }).module === 'Deals');

describe("the large org (seed: 'large')", () => {
  it('holds 2,000 deals, the demo deals among them, 300 of them locked', () => {
    expect(org.records.Deals).toHaveLength(2000);
    expect(org.records.Deals.map((d) => d.id)).toContain(SEED.deals.hooliPricing);
    expect(new Set(dealLocks().map((l) => l.recordId)).size).toBe(300);
  });

  it('locks by hand by the rep, the manager and the administrator (and the demo org’s two by Fiona Former), with several reasons', () => {
    const manual = dealLocks().filter((l) => l.source !== 'Automatic');
    const { rep, manager, admin, former } = SEED.users;
    expect(new Set(manual.map((l) => l.lockedById))).toEqual(new Set([rep, manager, admin, former]));
    expect(new Set(manual.map((l) => l.reason)).size).toBeGreaterThanOrEqual(8);
  });

  it('holds every Closed Won deal by the rule, some of them by hand too', () => {
    const closedWon = org.records.Deals.filter((d) => d.fields.Stage === 'Closed Won').map((d) => d.id);
    const ruleHeld = dealLocks().filter((l) => l.source !== 'Manual');
    expect(ruleHeld.map((l) => l.recordId).sort()).toEqual(closedWon.sort());
    expect(ruleHeld.length).toBeGreaterThanOrEqual(50);
    expect(ruleHeld.some((l) => l.source === 'Both')).toBe(true);
  });

  it('spreads the lock times over about 90 days', () => {
    const times = dealLocks().map((l) => Date.parse(l.lockedAt));
    expect((Math.max(...times) - Math.min(...times)) / DAY).toBeGreaterThan(80);
    expect((Math.max(...times) - Math.min(...times)) / DAY).toBeLessThanOrEqual(91);
  });

  it('is the same org every time it is built', () => {
    expect(createEmulator({ seed: 'large' }).snapshot()).toEqual(org);
  });

  it('answers the Web Tab’s search in pages of 25 over the 300 locked deals', async () => {
    const first = await call(emulator, 'GET', `${LOCKED}&per_page=25&page=1`);
    const last = await call(emulator, 'GET', `${LOCKED}&per_page=25&page=12`);
    expect(first.json.info).toEqual({ per_page: 25, count: 25, page: 1, sort_by: 'id', sort_order: 'desc', more_records: true });
    expect(last.json.info).toMatchObject({ count: 25, page: 12, more_records: false });
    expect((await call(emulator, 'GET', `${LOCKED}&per_page=25&page=13`)).status).toBe(204);
  });

  it('stops a search at the 2,000th record with LIMIT_REACHED', async () => {
    const all = encodeURIComponent('(Amount:greater_equal:0)');
    const tenth = await call(emulator, 'GET', `/Deals/search?criteria=${all}&per_page=200&page=10`);
    expect(tenth.json.info).toMatchObject({ count: 200, more_records: false });
    const eleventh = await call(emulator, 'GET', `/Deals/search?criteria=${all}&per_page=200&page=11`);
    expect({ status: eleventh.status, code: eleventh.json.code, details: eleventh.json.details }).toEqual({
      status: 400,
      code: 'LIMIT_REACHED',
      details: { limit: '2000' },
    });
  });
});
