import { isModuleName, isZohoId } from '../host/zoho-ids';
import type { RecordRef } from './types';

/** Throws a plain Error (a bug, not a user message) unless `name` is a module API name. */
export function checkModule(name: string): string {
  if (!isModuleName(name)) throw new Error(`Not a module API name: ${JSON.stringify(name)}`);
  return name;
}

/** Throws a plain Error unless `id` is a Zoho id: a string of 1 to 19 digits. */
export function checkId(id: string): string {
  if (!isZohoId(id)) throw new Error(`Not a Zoho id: ${JSON.stringify(id)}`);
  return id;
}

/** The record's Locking_Information__s URL, with the lock's id for a change of it. */
export const locksUrl = (apiDomain: string, { module, recordId }: RecordRef, lockId?: string): string =>
  crmUrl(apiDomain, [checkModule(module), checkId(recordId), 'Locking_Information__s', ...(lockId === undefined ? [] : [checkId(lockId)])]);

/**
 * `${apiDomain}/crm/v8/<segments>?<query>`, each segment and query value encoded. Callers check
 * modules and ids first, so an id can never reach another path.
 * @example crmUrl('https://www.zohoapis.eu', ['settings', 'fields'], { module: 'Deals' })
 */
export function crmUrl(apiDomain: string, segments: string[], query: Record<string, string> = {}): string {
  const path = segments.map(encodeURIComponent).join('/');
  const search = new URLSearchParams(query).toString();
  return `${apiDomain.replace(/\/+$/, '')}/crm/v8/${path}${search ? `?${search}` : ''}`;
}
