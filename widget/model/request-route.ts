import type { OrgUser, UserCalls } from '../crm/users';
import * as z from '../host/zod';
import type { KeyValueStore } from '../host/storage';
import { cachedEntry } from './settings-cache';

export interface Person {
  id: string;
  name: string;
}

/** Who receives an unlock request, and why: its locker, else the record's owner, else an administrator. */
export type RequestRoute =
  | { kind: 'locker' | 'owner' | 'administrator'; recipient: Person; locker: Person }
  /** The locker has left and no one else can receive it: nothing is sent. */
  | { kind: 'nobody'; locker: Person };

export interface RouteFacts {
  locker: Person;
  /** The record's owner, as the record read gave it; null when unknown. */
  owner: Person | null;
  askerId: string;
}

/** The reads behind a route; `fresh` goes past what this view or the cache already knows. */
export interface RouteReads {
  user(id: string, fresh: boolean): Promise<OrgUser | null>;
  administrators(fresh: boolean): Promise<OrgUser[]>;
}

/**
 * The route of a request, reading no more than it needs, one after the other: the locker's status
 * (one call); when they have left, the owner's (one more, unless the owner is the locker or the
 * asker); when the owner cannot answer either, the org's active administrators (one more, or none
 * while the list is cached). The first administrator Zoho lists other than the asker receives it.
 */
export async function findRoute({ locker, owner, askerId }: RouteFacts, reads: RouteReads, fresh: boolean): Promise<RequestRoute> {
  const lockerNow = await reads.user(locker.id, fresh);
  if (lockerNow?.active) return { kind: 'locker', recipient: person(lockerNow), locker };
  if (owner && owner.id !== askerId && owner.id !== locker.id) {
    const ownerNow = await reads.user(owner.id, fresh);
    if (ownerNow?.active) return { kind: 'owner', recipient: person(ownerNow), locker };
  }
  const administrator = (await reads.administrators(fresh)).find((user) => user.active && user.id !== askerId);
  return administrator ? { kind: 'administrator', recipient: person(administrator), locker } : { kind: 'nobody', locker };
}

const person = ({ id, name }: OrgUser): Person => ({ id, name });

export interface RouteReadsOptions {
  users: () => Promise<UserCalls>;
  /** The widget origin's storage, for the administrators; none: read once per view. */
  store?: KeyValueStore;
  now: () => number;
  /** The org's id, or its data centre where the SDK names none. */
  org: string;
}

const administratorsSchema = z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() }));

/**
 * A person's status is read once per view (a request is about whether they can act now); the org's
 * administrators change as rarely as the module's settings and are kept like them, ten minutes.
 */
export function createRouteReads({ users, store, now, org }: RouteReadsOptions): RouteReads {
  const statuses = new Map<string, Promise<OrgUser | null>>();
  const cache = store && cachedEntry(store, now, `recordlock.administrators:${org}`, administratorsSchema);
  let administrators: Promise<OrgUser[]> | null = null;
  const readAdministrators = async () => {
    const list = await (await users()).activeAdministrators();
    cache?.write(list);
    return list;
  };
  return {
    user(id, fresh) {
      let known = fresh ? undefined : statuses.get(id);
      if (!known) {
        known = forgottenOnFailure(() => users().then((calls) => calls.getUser(id)), () => statuses.delete(id));
        statuses.set(id, known);
      }
      return known;
    },
    administrators(fresh) {
      const cached = fresh ? null : cache?.read();
      if (cached?.fresh) return Promise.resolve(cached.settings);
      if (fresh || !administrators) administrators = forgottenOnFailure(readAdministrators, () => (administrators = null));
      return administrators;
    },
  };
}

/** A read later asks of this view share, forgotten when it fails so that the next one tries again. */
function forgottenOnFailure<T>(read: () => Promise<T>, forget: () => void): Promise<T> {
  return read().catch((error: unknown) => {
    forget();
    throw error;
  });
}
