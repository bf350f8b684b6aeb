import type { TabHost } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { Messages } from '../i18n/messages';
import type { Connect } from '../crm/crm-options';
import { startFailureOf } from './start-failure';
import type { StartFailure } from './start-failure';
import type { TabCalls } from './tab-calls';
import type { TabSession } from './tab-session';

type TabPart = typeof import('./tab-part');

/**
 * The code the tab fetches as it starts, beside the SDK's start, in one request: its Zoho calls
 * (made once the org's API domain is known) and the code that reads the list and the settings.
 */
export interface TabCode {
  connect: Connect<TabCalls>;
  part: TabPart;
}

export type TabStart = (
  | {
      ok: true;
      session: TabSession;
      createTabModules: TabPart['createTabModules'];
      createListLoading: TabPart['createListLoading'];
      candidates: readonly string[];
    }
  | ({ ok: false } & StartFailure)
) & { messages: Promise<Messages> };

export interface TabStartDependencies {
  host: TabHost;
  code: () => Promise<TabCode>;
  store: KeyValueStore;
  now: () => Date;
  textsFor(locale: string): Promise<Messages>;
}

/**
 * The tab's first round: Zoho's PageLoad, the viewer and the environment, with the code of the
 * calls and of the list fetched beside them. The viewer's texts start loading as soon as the
 * viewer is known and come with the outcome.
 */
export async function startTab({ host, code: tabCode, store, now, textsFor }: TabStartDependencies): Promise<TabStart> {
  const [tab, viewer, environment, code] = await Promise.allSettled([host.tabContext(), host.currentUser(), host.environment(), tabCode()]);
  const messages = textsFor(viewer.status === 'fulfilled' ? viewer.value.locale : 'en');
  const failed = [tab, viewer, environment, code].find((outcome) => outcome.status === 'rejected');
  if (failed || viewer.status !== 'fulfilled' || environment.status !== 'fulfilled' || code.status !== 'fulfilled') {
    const reason: unknown = failed?.status === 'rejected' ? failed.reason : undefined;
    return { ok: false, ...(await startFailureOf(reason, 'overview.unavailable')), messages };
  }
  const { orgId, apiDomain } = environment.value;
  const { connect, part } = code.value;
  const calls = connect({ host, apiDomain });
  const sources = part.createTabSources({
    calls,
    store,
    now: () => now().getTime(),
    scope: { orgId, apiDomain, userId: viewer.value.id },
    profileId: viewer.value.profile.id,
    candidates: part.LOCKABLE_MODULES,
  });
  const { createTabModules, createListLoading, LOCKABLE_MODULES } = part;
  return { ok: true, session: { user: viewer.value, calls, sources, org: orgId ?? apiDomain, store }, createTabModules, createListLoading, candidates: LOCKABLE_MODULES, messages };
}
