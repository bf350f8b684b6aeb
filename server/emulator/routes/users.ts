/** `/users?type=CurrentUser` and `/users/{id}`. */
import { ERRORS, errorResponse, jsonResponse, noContent } from '../errors';
import type { EmulatorState, UserState } from '../state';
import { isActiveUser, userRef } from '../store';
import { isZohoId, type Handler } from './context';

const USER_TYPES = ['AllUsers', 'ActiveUsers', 'CurrentUser', 'AdminUsers', 'ActiveConfirmedUsers'];

const renderUser = (state: EmulatorState, user: UserState): Record<string, unknown> => {
  const profile = state.profiles.find((p) => p.id === user.profileId);
  return {
    id: user.id,
    full_name: userRef(user).name,
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
    profile: { id: user.profileId, name: profile?.name ?? '' },
    role: user.role,
    locale: user.locale,
    country_locale: user.locale,
    time_zone: user.time_zone,
    date_format: user.date_format,
    time_format: user.time_format,
    language: user.language,
    status: user.status ?? 'active',
    confirm: true,
    zuid: user.zuid,
  };
};

const info = (count: number) => ({ per_page: 200, count, page: 1, more_records: false });

export const listUsers: Handler = ({ state, caller, url }) => {
  const type = url.searchParams.get('type') ?? 'AllUsers';
  if (!USER_TYPES.includes(type)) {
    return errorResponse(ERRORS.invalidData, { param_name: 'type', supported_values: USER_TYPES });
  }
  const users =
    type === 'CurrentUser'
      ? [caller.user]
      : type === 'AdminUsers'
        ? state.users.filter((u) => u.profileId === state.profiles.find((p) => p.name === 'Administrator')?.id)
        : type === 'ActiveUsers'
          ? state.users.filter(isActiveUser)
          : state.users;
  return jsonResponse(200, { users: users.map((u) => renderUser(state, u)), info: info(users.length) });
};

export const getUser: Handler = ({ state, params }) => {
  const id = params['id'] ?? '';
  if (!isZohoId(id)) return errorResponse(ERRORS.invalidId, { resource_path_index: 1 });
  const user = state.users.find((u) => u.id === id);
  if (!user) return noContent();
  return jsonResponse(200, { users: [renderUser(state, user)] });
};
