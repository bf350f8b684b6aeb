/**
 * The Users API's own answers to a status change (`PUT /users/{id}`), as Zoho's OpenAPI files give
 * them (v8.0 users: updateUser and its examples). A table of data, like errors.ts, kept beside the
 * users routes so that the users resource stays in one place.
 */
import type { ErrorEntry } from './errors';

export const USER_ERRORS = {
  notAdministrator: {
    code: 'AUTHORIZATION_FAILED',
    status: 400,
    message: 'Either trial is expired or user does not have sufficient privilege to perform this action',
  },
  ownStatus: { code: 'INVALID_REQUEST', status: 400, message: 'You cannot perform this action over logged in user' },
  alreadyDeactivated: { code: 'ID_ALREADY_DEACTIVATED', status: 400, message: 'User is already deactivated' },
  alreadyActive: { code: 'ID_ALREADY_ACTIVE', status: 400, message: 'User is already active' },
  deletedUser: { code: 'NOT_ALLOWED', status: 400, message: 'the id given seems to be invalid' },
} as const satisfies Record<string, ErrorEntry>;
