import { describe, expect, it } from 'vitest';
import type { OrgUser, UserCalls } from '../../../widget/crm/users';
import { createMemoryStore } from '../../../widget/host/storage';
import { createRouteReads, findRoute, type RouteFacts } from '../../../widget/model/request-route';

/** Who receives a request, and how many reads it takes to know, over users the test decides. */
const people: Record<string, OrgUser> = {
  locker: { id: '1', name: 'Lena Locker', active: true },
  owner: { id: '2', name: 'Otto Owner', active: true },
  asker: { id: '3', name: 'Asa Asker', active: true },
  admin: { id: '4', name: 'Ada Admin', active: true },
  admin2: { id: '5', name: 'Abe Admin', active: true },
};

function usersWith(inactive: string[], administrators: OrgUser[] = [people.admin!]) {
  const calls: string[] = [];
  const users: UserCalls = {
    async getUser(id) {
      calls.push(`user ${id}`);
      const found = Object.values(people).find((person) => person.id === id);
      return found ? { ...found, active: !inactive.includes(id) } : null;
    },
    async activeAdministrators() {
      calls.push('administrators');
      return administrators;
    },
  };
  return { users, calls };
}

const facts = (owner: OrgUser | null, askerId = people.asker!.id): RouteFacts => ({ locker: people.locker!, owner, askerId });
const now = () => 1_000_000;

describe('findRoute', () => {
  it.each([
    ['an active locker: one read', [], facts(people.owner!), 'locker', 'Lena Locker', ['user 1']],
    ['a locker who left: the owner, one read more', ['1'], facts(people.owner!), 'owner', 'Otto Owner', ['user 1', 'user 2']],
    ['a locker and an owner who left: an administrator', ['1', '2'], facts(people.owner!), 'administrator', 'Ada Admin', ['user 1', 'user 2', 'administrators']],
    ['a locker who owns the record: no second read of her', ['1'], facts(people.locker!), 'administrator', 'Ada Admin', ['user 1', 'administrators']],
    ['an owner who is the asker: not asked', ['1'], facts(people.asker!), 'administrator', 'Ada Admin', ['user 1', 'administrators']],
    ['an owner the record read did not give', ['1'], facts(null), 'administrator', 'Ada Admin', ['user 1', 'administrators']],
  ])('%s', async (_case, inactive, routeFacts, kind, name, reads) => {
    const { users, calls } = usersWith(inactive);
    const route = await findRoute(routeFacts, createRouteReads({ users: async () => users, now, org: 'org' }), false);
    expect(route).toMatchObject({ kind, recipient: { name }, locker: people.locker });
    expect(calls).toEqual(reads);
  });

  it('passes over an administrator who is the asker, and says nobody is left when no other is', async () => {
    const { users } = usersWith(['1'], [people.asker!, people.admin2!]);
    const reads = createRouteReads({ users: async () => users, now, org: 'org' });
    expect(await findRoute(facts(null), reads, false)).toMatchObject({ kind: 'administrator', recipient: { name: 'Abe Admin' } });
    const alone = usersWith(['1'], [people.asker!]);
    expect(await findRoute(facts(null), createRouteReads({ users: async () => alone.users, now, org: 'org' }), false)).toEqual({ kind: 'nobody', locker: people.locker });
  });

  it('reads a person once per view, and again only when asked for a fresh route', async () => {
    const { users, calls } = usersWith([]);
    const reads = createRouteReads({ users: async () => users, now, org: 'org' });
    await findRoute(facts(null), reads, false);
    await findRoute(facts(null), reads, false);
    await findRoute(facts(null), reads, true);
    expect(calls).toEqual(['user 1', 'user 1']);
  });

  it('keeps the administrators in the store for ten minutes, per org, and past the cache when fresh', async () => {
    const store = createMemoryStore();
    let at = 0;
    const clock = () => at;
    const first = usersWith(['1']);
    await findRoute(facts(null), createRouteReads({ users: async () => first.users, store, now: clock, org: 'org' }), false);
    const second = usersWith(['1']);
    const reads = createRouteReads({ users: async () => second.users, store, now: clock, org: 'org' });
    await findRoute(facts(null), reads, false);
    expect(second.calls).toEqual(['user 1']);
    await findRoute(facts(null), reads, true);
    expect(second.calls).toEqual(['user 1', 'user 1', 'administrators']);
    at = 10 * 60_000 + 1;
    const third = usersWith(['1']);
    await findRoute(facts(null), createRouteReads({ users: async () => third.users, store, now: clock, org: 'org' }), false);
    expect(third.calls).toEqual(['user 1', 'administrators']);
    const otherOrg = usersWith(['1']);
    await findRoute(facts(null), createRouteReads({ users: async () => otherOrg.users, store, now: clock, org: 'other' }), false);
    expect(otherOrg.calls).toEqual(['user 1', 'administrators']);
  });

  it('tries a failed read again the next time', async () => {
    let fail = true;
    const { users, calls } = usersWith([]);
    const failing: UserCalls = { ...users, getUser: (id) => (fail ? Promise.reject(new Error('lost')) : users.getUser(id)) };
    const reads = createRouteReads({ users: async () => failing, now, org: 'org' });
    await expect(findRoute(facts(null), reads, false)).rejects.toThrow('lost');
    fail = false;
    await expect(findRoute(facts(null), reads, false)).resolves.toMatchObject({ kind: 'locker' });
    expect(calls).toEqual(['user 1']);
  });
});
