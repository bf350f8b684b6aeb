import type { TabHost } from '../host/host';
import type { KeyValueStore } from '../host/storage';
import type { Messages } from '../i18n/messages';
import type { Connect } from '../crm/crm-options';
import { startFailureOf } from './start-failure';
import type { StartFailure } from './start-failure';
import type { TabCalls } from './tab-calls';
import type { TabSession } from './tab-session';

type TabSourcesCode = Awaited<ReturnType<typeof tabSourcesCode>>;

export type TabStart = (
  | {
      ok: true;
      session: TabSession;
      createTabModules: TabSourcesCode['createTabModules'];
      createListLoading: TabSourcesCode['createListLoading'];
      candidates: readonly string[];
    }
  | ({ ok: false } & StartFailure)
) & { messages: Promise<Messages> };

export interface TabStartDependencies {
  host: TabHost;
  connect: () => Promise<Connect<TabCalls>>;
  store: KeyValueStore;
  now: () => Date;
  textsFor(locale: string): Promise<Messages>;
  maxInFlight: number;
}

const tabSourcesCode = () => import('./tab-part');

/**
 * The tab's first round: Zoho's PageLoad, the viewer and the environment, with the code behind the
 * settings and request counts fetched beside them. The viewer's texts start loading as soon as the
 * viewer is known and come with the outcome.
 */
export async function startTab({ host, connect, store, now, textsFor, maxInFlight }: TabStartDependencies): Promise<TabStart> {
  const [tab, viewer, environment, code, calling] = await Promise.allSettled([host.tabContext(), host.currentUser(), host.environment(), tabSourcesCode(), connect()]);
  const messages = textsFor(viewer.status === 'fulfilled' ? viewer.value.locale : 'en');
  const failed = [tab, viewer, environment, code, calling].find((outcome) => outcome.status === 'rejected');
  if (failed || viewer.status !== 'fulfilled' || environment.status !== 'fulfilled' || code.status !== 'fulfilled' || calling.status !== 'fulfilled') {
    const reason: unknown = failed?.status === 'rejected' ? failed.reason : undefined;
    return { ok: false, ...(await startFailureOf(reason, 'overview.unavailable')), messages };
  }
  const { orgId, apiDomain } = environment.value;
  const calls = calling.value({ host, apiDomain });
  const sources = code.value.createTabSources({
    calls,
    store,
    now: () => now().getTime(),
    scope: { orgId, apiDomain, userId: viewer.value.id },
    profileId: viewer.value.profile.id,
    candidates: code.value.LOCKABLE_MODULES,
    maxInFlight,
  });
  const { createTabModules, createListLoading, LOCKABLE_MODULES } = code.value;
  return { ok: true, session: { user: viewer.value, calls, sources, org: orgId ?? apiDomain, store }, createTabModules, createListLoading, candidates: LOCKABLE_MODULES, messages };
}
