/**
 * Every route the emulator serves (read from server/emulator/router.ts), with concrete seeded
 * ids, and the methods each one answers. A route added to the router without being added here
 * shows up as an unexpected method answer in the tests that use this list.
 */
import { SEED } from '../../server/emulator';

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
export type Method = (typeof METHODS)[number];

export interface EmulatorRoute {
  path: string;
  methods: readonly Method[];
}

const deal = SEED.deals.hooliPricing;
const configurations = '/settings/record_locking_configurations';

export const EMULATOR_ROUTES: readonly EmulatorRoute[] = [
  { path: '/users?type=CurrentUser', methods: ['GET'] },
  { path: `/users/${SEED.users.rep}`, methods: ['GET', 'PUT'] },
  { path: '/settings/profiles', methods: ['GET'] },
  { path: `/settings/profiles/${SEED.profiles.salesRep}`, methods: ['GET'] },
  { path: '/settings/fields?module=Locking_Information__s', methods: ['GET'] },
  { path: `${configurations}?module=Deals`, methods: ['GET', 'POST', 'PUT', 'DELETE'] },
  { path: `${configurations}/${SEED.configurations.deals}?module=Deals`, methods: ['GET', 'PUT', 'DELETE'] },
  { path: '/Deals?fields=Deal_Name', methods: ['GET', 'POST', 'PUT'] },
  { path: '/Deals/search?criteria=(Locked__s:equals:true)', methods: ['GET'] },
  { path: `/Deals/${deal}`, methods: ['GET', 'PUT', 'DELETE'] },
  { path: `/Deals/${deal}/Locking_Information__s?fields=Locked_Reason__s`, methods: ['GET', 'POST'] },
  { path: `/Deals/${deal}/Locking_Information__s/${SEED.locks.hooliPricing}`, methods: ['GET', 'PUT', 'DELETE'] },
  { path: '/Tasks?fields=Subject', methods: ['GET', 'POST', 'PUT'] },
  { path: `/Tasks/${SEED.tasks.hooliUnlockRequest}`, methods: ['GET', 'PUT', 'DELETE'] },
  { path: `/Deals/${deal}/Tasks?fields=Subject`, methods: ['GET'] },
  { path: `/Deals/${deal}/Tasks_History?fields=Subject`, methods: ['GET'] },
  { path: `/Deals/${deal}/Notes?fields=Note_Content`, methods: ['GET', 'POST'] },
  { path: '/Notes?fields=Note_Content', methods: ['GET', 'POST'] },
  { path: '/coql', methods: ['POST'] },
];

/** Every (version, route, method) triple, for tables. */
export const everyCall = (): { url: string; method: Method; served: boolean }[] =>
  ['v7', 'v8'].flatMap((version) =>
    EMULATOR_ROUTES.flatMap((route) =>
      METHODS.map((method) => ({
        url: `https://www.zohoapis.com/crm/${version}${route.path}`,
        method,
        served: route.methods.includes(method),
      })),
    ),
  );

/** A body each write would accept if it were allowed, so a refusal cannot come from the body. */
export const bodyFor = (url: string): unknown => {
  if (url.includes('Locking_Information__s')) return { data: [{ Locked_Reason__s: 'Audit hold' }] };
  if (url.includes('record_locking_configurations')) {
    return { record_locking_configurations: [{ id: SEED.configurations.deals, lock_type: 'manual' }] };
  }
  if (url.includes('/users/')) return { users: [{ status: 'inactive' }] };
  if (url.includes('/coql')) return { select_query: `select id from Deals where id = '${deal}'` };
  if (url.includes('Notes')) return { data: [{ Parent_Id: { module: { api_name: 'Deals' }, id: deal }, Note_Content: 'Audit note' }] };
  if (url.includes('/Tasks')) return { data: [{ id: SEED.tasks.hooliUnlockRequest, Subject: 'Unlock request', Status: 'Completed' }] };
  return { data: [{ id: deal, Description: 'changed' }] };
};
