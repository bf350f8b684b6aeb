/** What every handler receives: the state, the authenticated caller and the parsed URL. */
import type { Caller } from '../auth';
import type { EmulatorState } from '../state';
import type { TaskPicklists } from '../task-picklists';
import type { Variant } from '../variants';

/** Where this call's answer may differ from the docs pages' reading (see variants.ts). */
export interface CallVariants {
  /** The emulator's own variants and those of the call's `X-Emulator-Variant` header. */
  variants: ReadonlySet<Variant>;
  /** Locked__s as Zoho's search index holds it for this call: it trails the locks under `locked-search-lag`. */
  indexedLock(module: string, recordId: string, lockedNow: boolean): boolean;
  /** The org's Tasks Status and Priority picklists for this call: renamed under `task-picklists`. */
  picklists: TaskPicklists;
}

export interface RouteContext {
  state: EmulatorState;
  caller: Caller;
  request: Request;
  url: URL;
  /** Path parameters by name, e.g. `module`, `recordId`, `lockId`, `id`. */
  params: Record<string, string>;
  now: Date;
  call: CallVariants;
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
