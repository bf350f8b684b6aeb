/** `/settings/profiles` (without permission details, as Zoho lists them) and `/settings/profiles/{id}`. */
import { ERRORS, errorResponse, jsonResponse } from '../errors';
import type { ProfileState } from '../state';
import { isZohoId, type Handler } from './context';

const summary = (profile: ProfileState): Record<string, unknown> => ({
  id: profile.id,
  name: profile.name,
  display_label: profile.name,
  custom: profile.name !== 'Administrator',
  description: null,
});

export const listProfiles: Handler = ({ state }) =>
  jsonResponse(200, { profiles: state.profiles.map(summary) });

export const getProfile: Handler = ({ state, params }) => {
  const id = params['id'] ?? '';
  const profile = isZohoId(id) ? state.profiles.find((p) => p.id === id) : undefined;
  if (!profile) return errorResponse(ERRORS.invalidId, { resource_path_index: 2 });
  return jsonResponse(200, {
    profiles: [{ ...summary(profile), permissions_details: profile.permissions_details.map((p) => ({ ...p })) }],
  });
};
