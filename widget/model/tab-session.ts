import type { CurrentUser } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { TabCalls } from './tab-calls';
import type { TabSources } from './tab-sources';

/** A started tab: the viewer, their calls and what the tab reads besides the list. */
export interface TabSession {
  user: CurrentUser;
  calls: TabCalls;
  sources: TabSources;
  /** The org's id, or its data centre where the SDK names none: what org-wide cache entries are kept under. */
  org: string;
  store: KeyValueStore;
}
