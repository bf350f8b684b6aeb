/** `/users?type=…`, `/users/{id}`, and `PUT /users/{id}` to activate or deactivate a user. */
import { readJsonObject } from '../body';
import { ERRORS, errorResponse, itemErrorResponse, jsonResponse, noContent } from '../errors';
import type { EmulatorState, UserState } from '../state';
import { userRef } from '../store';
import { USER_ERRORS } from '../user-errors';
import { CURRENT_USER_TYPE, USER_LIST_TYPES, isAdministrator, statusOf } from '../user-types';
import { isZohoId, type Handler } from './context';

const SUPPORTED_TYPES = [...Object.keys(USER_LIST_TYPES), CURRENT_USER_TYPE];

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
    status: statusOf(user),
    confirm: true,
    zuid: user.zuid,
  };
};

const info = (count: number) => ({ per_page: 200, count, page: 1, more_records: false });

export const listUsers: Handler = ({ state, caller, url }) => {
  const type = url.searchParams.get('type') ?? 'AllUsers';
  if (!SUPPORTED_TYPES.includes(type)) {
    return errorResponse(ERRORS.invalidData, { param_name: 'type', supported_values: SUPPORTED_TYPES });
  }
  const belongs = USER_LIST_TYPES[type];
  const users = belongs ? state.users.filter((user) => belongs(state, user)) : [caller.user];
  // Like Zoho's other list reads, nothing to list is 204 with no body.
  if (users.length === 0) return noContent();
  return jsonResponse(200, { users: users.map((u) => renderUser(state, u)), info: info(users.length) });
};

export const getUser: Handler = ({ state, params }) => {
  const id = params['id'] ?? '';
  if (!isZohoId(id)) return errorResponse(ERRORS.invalidId, { resource_path_index: 1 });
  const user = state.users.find((u) => u.id === id);
  if (!user) return noContent();
  // One user comes in the list's wrapper, `info` included: the get-users page documents one answer
  // for both, and Zoho's files require it.
  return jsonResponse(200, { users: [renderUser(state, user)], info: info(1) });
};

const WRITABLE_STATUSES = ['active', 'inactive'] as const;
const STATUS_PATH = '$.users[0].status';

/** The one `users` item of the body, or Zoho's answer for a body that carries none or several. */
const singleItem = (body: Record<string, unknown>): Record<string, unknown> | Response => {
  const items = body['users'];
  if (!Array.isArray(items) || items.length === 0) {
    return errorResponse(ERRORS.mandatoryNotFound, { api_name: 'users', json_path: '$.users' });
  }
  if (items.length > 1) return errorResponse(ERRORS.invalidData, { maximum_length: 1, api_name: 'users', json_path: '$.users' });
  const item: unknown = items[0];
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return errorResponse(ERRORS.invalidData, { api_name: 'users', json_path: '$.users[0]', expected_data_type: 'jsonobject' });
  }
  return item as Record<string, unknown>;
};

/**
 * `PUT /users/{id}` with `{"users":[{"status":"inactive"}]}` (or `"active"`): an administrator
 * deactivates or reactivates another user. Only `status` is applied; the emulator keeps no other
 * user detail that the API could change, so other keys are ignored.
 */
export const updateUser: Handler = async ({ state, caller, params, request }) => {
  const id = params['id'] ?? '';
  if (!isZohoId(id)) return errorResponse(ERRORS.invalidId, { resource_path_index: 1 });
  const user = state.users.find((u) => u.id === id);
  if (!user) return errorResponse(ERRORS.invalidId, { resource_path_index: 1 });
  const item = singleItem(await readJsonObject(request));
  if (item instanceof Response) return item;
  if (!isAdministrator(state, caller.user)) return itemErrorResponse('users', USER_ERRORS.notAdministrator, {});
  if (statusOf(user) === 'deleted') return errorResponse(USER_ERRORS.deletedUser, { resource_path_index: 1 });
  const wanted = item['status'];
  if (wanted !== undefined) {
    if (!WRITABLE_STATUSES.some((status) => status === wanted)) {
      return itemErrorResponse('users', ERRORS.invalidData, { api_name: 'status', json_path: STATUS_PATH });
    }
    if (user.id === caller.user.id) {
      return itemErrorResponse('users', USER_ERRORS.ownStatus, { api_name: 'status', json_path: STATUS_PATH, id });
    }
    if (wanted === statusOf(user)) {
      return wanted === 'active'
        ? itemErrorResponse('users', USER_ERRORS.alreadyActive, { id, json_path: '$.users[0].id' })
        : itemErrorResponse('users', USER_ERRORS.alreadyDeactivated, { api_name: 'id', id });
    }
    user.status = wanted === 'active' ? 'active' : 'inactive';
  }
  return jsonResponse(200, { users: [{ code: 'SUCCESS', details: { id }, message: 'User updated', status: 'success' }] });
};
