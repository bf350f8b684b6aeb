import { CONNECTION_LINK_NAMES } from '../host/host';
import type { ZohoCall } from './crm-error';

/** What an administrator adds to a connection when Zoho refuses a call with OAUTH_SCOPE_MISMATCH. */
export interface ScopeAdvice {
  /** The connection's link name, as Setup > Developer Hub > Connections lists it. */
  connection: string;
  /** The scopes the call needs besides the lock scope, each of them. */
  scopes: string[];
  /**
   * For the lock calls: the scope Zoho's API docs pages name, and the one its OpenAPI files name in
   * its place; the connection asks for both, and either one is enough.
   */
  lockScope: { docs: string; oas: string } | null;
}

const OPERATIONS: Record<string, string> = { GET: 'READ', POST: 'CREATE', PUT: 'UPDATE', DELETE: 'DELETE' };

/** A module's scope as Zoho spells it: lower case without underscores; user-created modules share `custom`. */
const moduleScope = (module: string, operation: string) =>
  `ZohoCRM.modules.${module.endsWith('__c') ? 'custom' : module.toLowerCase().replace(/_/g, '')}.${operation}`;

/**
 * The scopes a call needs, as Zoho's docs pages list them per call, read from its method and path.
 * @example scopeAdvice({ connection: 'user', method: 'DELETE', path: '/crm/v8/Deals/{id}/Locking_Information__s/{id}' })
 * // { connection: 'recordlock_user', scopes: ['ZohoCRM.modules.deals.DELETE'], lockScope: { docs: 'ZohoCRM.modules.lockinginformation.DELETE', oas: 'ZohoCRM.settings.modules.DELETE' } }
 */
export function scopeAdvice({ connection, method, path }: ZohoCall): ScopeAdvice {
  const operation = OPERATIONS[method] ?? 'READ';
  // "/crm/v8/<first>/<second>/<third>…"
  const [first = '', second = '', third = ''] = path.split('/').slice(3);
  const advice = (scopes: string[], lockScope: ScopeAdvice['lockScope'] = null): ScopeAdvice => ({ connection: CONNECTION_LINK_NAMES[connection], scopes, lockScope });
  if (first === 'coql') return advice(['ZohoCRM.coql.READ']);
  if (first === 'settings' || first === 'users') return advice([`ZohoCRM.${first === 'users' ? 'users' : `settings.${second}`}.${operation}`]);
  if (second === 'search') return advice([moduleScope(first, 'READ'), 'ZohoSearch.securesearch.READ']);
  if (third === 'Locking_Information__s') {
    return advice([moduleScope(first, operation)], { docs: `ZohoCRM.modules.lockinginformation.${operation}`, oas: `ZohoCRM.settings.modules.${operation}` });
  }
  if (third === 'Notes') return advice([moduleScope(first, operation), `ZohoCRM.modules.notes.${operation}`]);
  return advice([moduleScope(first, operation)]);
}
