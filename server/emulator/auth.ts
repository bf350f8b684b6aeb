/**
 * OAuth as Zoho checks it: the `Authorization: Zoho-oauthtoken <token>` header names a token,
 * the token names a user and carries scopes, and each endpoint needs certain scopes.
 */
import { ERRORS, errorResponse } from './errors';
import type { EmulatorState, ProfileState, UserState } from './state';

/** WRITE: Zoho's older scope operation covering CREATE and UPDATE, still accepted on some calls. */
export type Operation = 'READ' | 'CREATE' | 'UPDATE' | 'DELETE' | 'WRITE';

/** Every group must be satisfied by at least one of its scopes (compared case-insensitively). */
export type ScopeNeed = readonly (readonly string[])[];

export interface Caller {
  user: UserState;
  profile: ProfileState;
  scopes: readonly string[];
}

const HEADER = /^Zoho-oauthtoken\s+(\S+)\s*$/i;

/** The user a token names, expired or not: whose calls count against the API limits. Null for no known token. */
export const tokenUserId = (state: EmulatorState, request: Request): string | null => {
  const header = request.headers.get('authorization');
  const match = header === null ? null : HEADER.exec(header.trim());
  return state.tokens.find((t) => t.token === match?.[1])?.userId ?? null;
};

export const authenticate = (state: EmulatorState, request: Request, now: Date): Caller | Response => {
  const header = request.headers.get('authorization');
  const match = header === null ? null : HEADER.exec(header.trim());
  if (!match?.[1]) return errorResponse(ERRORS.authenticationFailure);
  const token = state.tokens.find((t) => t.token === match[1]);
  if (!token) return errorResponse(ERRORS.invalidToken);
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()) {
    return errorResponse(ERRORS.invalidToken);
  }
  const user = state.users.find((u) => u.id === token.userId);
  const profile = user && state.profiles.find((p) => p.id === user.profileId);
  if (!user || !profile) return errorResponse(ERRORS.invalidToken);
  return { user, profile, scopes: token.scopes };
};

export const hasScopes = (granted: readonly string[], need: ScopeNeed): boolean => {
  const owned = new Set(granted.map((s) => s.toLowerCase()));
  return need.every((group) => group.some((scope) => owned.has(scope.toLowerCase())));
};

export const operationOf = (method: string): Operation => {
  switch (method) {
    case 'POST':
      return 'CREATE';
    case 'PUT':
    case 'PATCH':
      return 'UPDATE';
    case 'DELETE':
      return 'DELETE';
    default:
      return 'READ';
  }
};

/** Zoho spells module scopes both `price_books` and `pricebooks`; accept either. */
const moduleScopeNames = (module: string): string[] => {
  const lower = module.toLowerCase();
  return [...new Set([lower, lower.replace(/_/g, '')])];
};

/** User-created modules share the `custom` scope (their API names end in `__c`). */
const isCustomModule = (module: string): boolean => module.endsWith('__c');

/** `ZohoCRM.modules.ALL` or the module's own scope (`custom` for a custom module) with ALL or one of `operations`. */
export const moduleScope = (module: string, operations: readonly Operation[]): string[] => [
  'ZohoCRM.modules.ALL',
  ...(isCustomModule(module) ? ['custom'] : moduleScopeNames(module)).flatMap((name) =>
    ['ALL', ...operations].map((op) => `ZohoCRM.modules.${name}.${op}`),
  ),
];

/** Which of Zoho's two readings of the lock calls' scope applies: its docs pages' or its OpenAPI files'. */
export type LockScopeReading = 'docs' | 'oas';

/**
 * The lock endpoints' own scope: `ZohoCRM.modules.lockinginformation.{op}` (or `.ALL`) as the docs
 * pages say, or `ZohoCRM.settings.modules.{op}` (or `.ALL`, or `ZohoCRM.settings.ALL`) as the
 * OpenAPI files say. Neither reading takes the other's scope.
 */
export const lockScope = (operation: Operation, reading: LockScopeReading): string[] =>
  reading === 'docs'
    ? ['ZohoCRM.modules.lockinginformation.ALL', `ZohoCRM.modules.lockinginformation.${operation}`]
    : ['ZohoCRM.settings.ALL', 'ZohoCRM.settings.modules.ALL', `ZohoCRM.settings.modules.${operation}`];

export const settingsScope = (name: string, operation: Operation): string[] => [
  'ZohoCRM.settings.ALL',
  `ZohoCRM.settings.${name}.ALL`,
  `ZohoCRM.settings.${name}.${operation}`,
];

/** The search API's second scope (Zoho's search docs). */
export const SEARCH_SCOPE: readonly string[] = ['ZohoSearch.securesearch.ALL', 'ZohoSearch.securesearch.READ'];
/** Zoho's docs: creating needs `CREATE` (or the older `WRITE`), reading `READ`. */
export const operationsOf = (method: string): Operation[] => {
  const operation = operationOf(method);
  return operation === 'CREATE' || operation === 'UPDATE' ? [operation, 'WRITE'] : [operation];
};

export const notesScope = (method: string): string[] => [
  'ZohoCRM.modules.ALL',
  ...['ALL', ...operationsOf(method)].map((op) => `ZohoCRM.modules.notes.${op}`),
];

export const coqlScope = (): string[] => ['ZohoCRM.coql.ALL', 'ZohoCRM.coql.READ'];

export const usersScope = (operation: Operation): string[] => ['ZohoCRM.users.ALL', `ZohoCRM.users.${operation}`];

/** Whether the caller's profile holds the per-module Lock permission. */
export const canLock = (profile: ProfileState, module: string): boolean =>
  profile.permissions_details.some((p) => p.name === `Crm_Implied_Lock_${module}` && p.enabled);

/** "Customize Zoho CRM": needed to read or change locking configurations. */
export const canCustomize = (profile: ProfileState): boolean =>
  profile.permissions_details.some((p) => p.name === 'Crm_Implied_Customize_Zoho_CRM' && p.enabled);
