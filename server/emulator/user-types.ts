/**
 * Who a user is to the org: their status, whether they administer it, and which `GET /users?type=`
 * lists name them. Types and their meanings are Zoho's (v8 OpenAPI getUsers, Kaizen #51): `AdminUsers`
 * names every administrator whatever their status, `ActiveConfirmedAdmins` only those who can act.
 */
import type { EmulatorState, UserState, UserStatus } from './state';

/** Absent means active: data files written before users could be deactivated. */
export const statusOf = (user: UserState): UserStatus => user.status ?? 'active';

export const isActiveUser = (user: UserState): boolean => statusOf(user) === 'active';

/** Zoho's administrators: users with the Administrator profile. */
export const isAdministrator = (state: EmulatorState, user: UserState): boolean =>
  state.profiles.find((p) => p.id === user.profileId)?.name === 'Administrator';

type Membership = (state: EmulatorState, user: UserState) => boolean;

const active: Membership = (_state, user) => isActiveUser(user);
const notDeleted: Membership = (_state, user) => statusOf(user) !== 'deleted';
/** Every demo user accepted the invitation (`confirm: true`), so "confirmed" adds no condition. */
const confirmed = notDeleted;

/** The documented list types other than CurrentUser, which names the caller alone. */
export const USER_LIST_TYPES: Readonly<Record<string, Membership>> = {
  AllUsers: notDeleted,
  ActiveUsers: active,
  AllActiveUsers: active,
  DeactiveUsers: (_state, user) => statusOf(user) === 'inactive',
  ActiveAndDeactive: notDeleted,
  DeletedUsers: (_state, user) => statusOf(user) === 'deleted',
  ConfirmedUsers: confirmed,
  NotConfirmedUsers: () => false,
  ActiveConfirmedUsers: active,
  AdminUsers: (state, user) => notDeleted(state, user) && isAdministrator(state, user),
  ActiveConfirmedAdmins: (state, user) => active(state, user) && isAdministrator(state, user),
};

export const CURRENT_USER_TYPE = 'CurrentUser';
