/** What every handler receives: the state, the authenticated caller and the parsed URL. */
import type { Caller } from '../auth';
import type { EmulatorState } from '../state';

/** Behaviours of the org where Zoho's answer is unknown, chosen when the emulator is made. */
export interface OrgSwitches {
  /** Whether a search may name Locked__s (Zoho documents neither way); false answers INVALID_QUERY. */
  searchLockedField: boolean;
}

export interface RouteContext {
  state: EmulatorState;
  caller: Caller;
  request: Request;
  url: URL;
  /** Path parameters by name, e.g. `module`, `recordId`, `lockId`, `id`. */
  params: Record<string, string>;
  now: Date;
  switches: OrgSwitches;
}

export type Handler = (context: RouteContext) => Response | Promise<Response>;

export const isZohoId = (value: string): boolean => /^\d{1,32}$/.test(value);

/** `fields=a,b` as a list, or null when absent. */
export const fieldsParam = (url: URL): string[] | null => {
  const raw = url.searchParams.get('fields');
  if (raw === null) return null;
  return raw
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
};
