import { HostError } from '../host/host';
import type { Host } from '../host/host';
import { loadOnce } from '../load-once';
import { lockCalls } from './locks';
import { recordCalls } from './records';
import type { Lock, LockingConfiguration, LockPermission, RecordRef, RecordSummary } from './types';

/**
 * Zoho CRM's REST API as the widget uses it. Every method either resolves with parsed, checked data
 * or rejects with CrmError (Zoho answered with an error) or HostError (the call itself failed).
 * Answers that are not what Zoho sends reject with HostError('malformed').
 */
export interface Crm {
  /** The record's active lock, or null when it is not locked (Zoho's 204). */
  getLock(record: RecordRef): Promise<Lock | null>;
  /** Locks the record; resolves with the new lock built from Zoho's answer (no second GET). */
  lock(record: RecordRef, reason: string): Promise<Lock>;
  /** Replaces the reason of a manual lock. */
  updateReason(record: RecordRef, lockId: string, reason: string): Promise<void>;
  unlock(record: RecordRef, lockId: string): Promise<void>;
  /** The module's configuration, or null when none is configured (Zoho's 204). Org connection. */
  getLockingConfiguration(module: string): Promise<LockingConfiguration | null>;
  /** Whether the profile may lock this module's records by hand. Org connection. */
  getLockPermission(profileId: string, module: string): Promise<LockPermission>;
  /** Maximum length of Locked_Reason__s from field metadata; 2000 when metadata lacks it. Org connection. */
  getReasonMaxLength(): Promise<number>;
  /** The record's name and whether it is held for approval or Zia processing. User connection. */
  getRecord(record: RecordRef): Promise<RecordSummary>;
}

export interface CrmOptions {
  host: Host;
  /** e.g. "https://www.zohoapis.eu" */
  apiDomain: string;
}

/**
 * The CRM API over a Host. Module names and ids are checked before any URL is built: a bad one
 * throws a plain Error, since it can only come from a bug.
 * @example const crm = createCrm({ host, apiDomain: (await host.environment()).apiDomain });
 */
export function createCrm(options: CrmOptions): Crm {
  // Code that could not be fetched is a connection failure: the call never reached Zoho.
  const loadSettings = loadOnce(() =>
    import('./settings-calls').then(
      (part) => part.settingsCalls(options),
      (error: unknown) => Promise.reject(new HostError('connection', 'The settings calls could not be loaded', error)),
    ),
  ).load;
  return {
    ...lockCalls(options),
    ...recordCalls(options),
    getLockingConfiguration: (module) => loadSettings().then((calls) => calls.getLockingConfiguration(module)),
    getLockPermission: (profileId, module) => loadSettings().then((calls) => calls.getLockPermission(profileId, module)),
    getReasonMaxLength: () => loadSettings().then((calls) => calls.getReasonMaxLength()),
  };
}
