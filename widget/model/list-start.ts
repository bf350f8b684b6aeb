import type { Connect } from '../crm/crm-options';
import type { SelectedRecord } from '../crm/selected-records';
import type { CurrentUser, ListHost } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { Messages } from '../i18n/messages';
import type { ListCalls } from './list-calls';
import { selectionRefusalOf } from './list-selection';
import type { SelectionRefusal } from './list-selection';
import type { SettingsSource } from './lock-settings';
import type { LockSettings } from './settings-cache';
import { pageLoadFailureOf, startFailureOf } from './start-failure';
import type { StartFailure } from './start-failure';

/** A started list page: the viewer, their calls, the module and its settings. */
export interface ListSession {
  user: CurrentUser;
  calls: ListCalls;
  module: string;
  settingsSource: SettingsSource;
  /** The org's id, or its data centre where the SDK names none: what the Tasks picklists are kept under. */
  org: string;
  store: KeyValueStore;
  /** Whose and which org's cached entries (the settings, this browser's recent changes) are the page's. */
  scope: { orgId: string | null; apiDomain: string; userId: string };
}

/** What the page shows once started: a refused selection, or the records Zoho shows the viewer. */
export type ListFacts =
  | { refusal: SelectionRefusal; module: string; selected: string[] }
  | { refusal: null; module: string; selected: string[]; session: ListSession; records: SelectedRecord[]; settings: LockSettings };

export type ListStart = ({ ok: true; user: CurrentUser; facts: ListFacts } | ({ ok: false } & StartFailure)) & { messages: Promise<Messages> };

export interface ListStartDependencies {
  host: ListHost;
  connect: () => Promise<Connect<ListCalls>>;
  store: KeyValueStore;
  now: () => number;
  textsFor(locale: string): Promise<Messages>;
}

const listPartCode = () => import('./list-part');

/**
 * The page's start in two rounds: Zoho's PageLoad, the viewer and the environment (SDK calls, no
 * API credit) with the code of the second round fetched beside them, after which a selection that
 * is empty or too large is refused before any API call; then one read of the selected records
 * beside the module's settings (none when cached and fresh).
 */
export async function startList({ host, connect, store, now, textsFor }: ListStartDependencies): Promise<ListStart> {
  const [context, viewer, environment, calling, code] = await Promise.allSettled([host.listContext(), host.currentUser(), host.environment(), connect(), listPartCode()]);
  const messages = textsFor(viewer.status === 'fulfilled' ? viewer.value.locale : 'en');
  const failed = async (failure: Promise<StartFailure> | StartFailure): Promise<ListStart> => ({ ok: false, ...(await failure), messages });
  if (context.status === 'rejected') return failed(pageLoadFailureOf(context.reason, ['list.start.noPageLoad', 'list.start.noSelection', 'list.unavailable']));
  if (viewer.status === 'rejected') return failed(startFailureOf(viewer.reason, 'list.unavailable'));
  if (environment.status === 'rejected') return failed(startFailureOf(environment.reason, 'list.unavailable'));
  if (calling.status === 'rejected') return failed(startFailureOf(calling.reason, 'list.unavailable'));
  if (code.status === 'rejected') return failed(startFailureOf(code.reason, 'list.unavailable'));
  const { module, recordIds: selected } = context.value;
  const user = viewer.value;
  const refusal = selectionRefusalOf(selected);
  if (refusal) return { ok: true, user, facts: { refusal, module, selected }, messages };

  const { orgId, apiDomain } = environment.value;
  const calls = calling.value({ host, apiDomain });
  const scope = { orgId, apiDomain, userId: user.id, module };
  try {
    const { records, settings, settingsSource } = await code.value.readSelection({ calls, store, now, scope, profileId: user.profile.id, selected });
    const session: ListSession = { user, calls, module, settingsSource, org: orgId ?? apiDomain, store, scope: { orgId, apiDomain, userId: user.id } };
    return { ok: true, user, facts: { refusal: null, module, selected, session, records, settings }, messages };
  } catch (error) {
    return failed(startFailureOf(error, 'list.unavailable'));
  }
}
