import type { CurrentUser } from '../host/host';
import type { TabCalls } from './tab-calls';
import type { TabSources } from './tab-sources';

/** A started tab: the viewer, their calls and what the tab reads besides the list. */
export interface TabSession {
  user: CurrentUser;
  calls: TabCalls;
  sources: TabSources;
}
