import { hasCode } from '../crm/crm-error';
import type { Lock, LockingConfiguration, LockPermission, RecordRef, RecordSummary } from '../crm/types';
import type { CurrentUser, Host } from '../host/host';
import { createMemoryStore } from '../host/storage';
import type { KeyValueStore } from '../host/storage';
import type { Messages } from '../i18n/messages';
import { createSettingsSource } from './lock-settings';
import type { SettingsSource } from './lock-settings';
import type { Connect } from '../crm/crm-options';
import type { PanelCalls } from './panel-calls';
import { createSettingsCache } from './settings-cache';
import type { LockSettings } from './settings-cache';
import { pageLoadFailureOf, startFailureOf } from './start-failure';
import type { StartFailure } from './start-failure';

/** Everything the panel knows about the open record once it has started. */
export interface RecordFacts {
  calls: PanelCalls;
  record: RecordRef;
  user: CurrentUser;
  configuration: LockingConfiguration | null;
  lock: Lock | null;
  summary: RecordSummary;
  lockPermission: LockPermission;
  maxLength: number;
  settings: SettingsSource;
  /** The settings shown came from a cache entry past its freshness: read them again in the background. */
  settingsStale: boolean;
}

/** The viewer's texts come with either outcome: the state, or why there is none, is said in their language. */
export type StartResult = ({ ok: true; facts: RecordFacts } | ({ ok: false } & StartFailure)) & { messages: Messages };

export interface StartDependencies {
  host: Host;
  /** The code of the panel's Zoho calls, fetched beside the SDK's start; the calls are made once the org's API domain is known. */
  connect: () => Promise<Connect<PanelCalls>>;
  /** The viewer's texts: their language, else English, else none. */
  textsFor(locale: string): Promise<Messages>;
  /** Where settings are cached between views; none: every view reads them. */
  store?: KeyValueStore;
  now: () => number;
}

/**
 * Reads everything the panel shows in two rounds of parallel calls: the page, user and environment,
 * then the lock and record, with the settings when none are cached, and the viewer's texts beside them.
 */
export async function startUp(dependencies: StartDependencies): Promise<StartResult> {
  const { host, textsFor } = dependencies;
  const [page, user, environment, calling] = await Promise.allSettled([host.pageContext(), host.currentUser(), host.environment(), dependencies.connect()]);
  const failed = async (failure: Promise<StartFailure> | StartFailure, messages: Promise<Messages>): Promise<StartResult> => ({
    ok: false,
    ...(await failure),
    messages: await messages,
  });
  if (page.status === 'rejected') return failed(pageLoadFailureOf(page.reason, ['start.pageLoadTimeout', 'start.noRecord', 'start.unavailable']), textsFor('en'));
  if (user.status === 'rejected') return failed(startFailureOf(user.reason, 'start.unavailable'), textsFor('en'));
  const texts = textsFor(user.value.locale);
  if (environment.status === 'rejected') return failed(startFailureOf(environment.reason, 'start.unavailable'), texts);
  if (calling.status === 'rejected') return failed(startFailureOf(calling.reason, 'start.unavailable'), texts);
  const record: RecordRef = { module: page.value.module, recordId: page.value.recordId };
  const outcome = await readRecord({ ...dependencies, connect: calling.value }, record, user.value, environment.value);
  return 'facts' in outcome ? { ok: true, facts: outcome.facts, messages: await texts } : failed(outcome, texts);
}

async function readRecord(
  { host, connect, store, now }: Omit<StartDependencies, 'connect'> & { connect: Connect<PanelCalls> },
  record: RecordRef,
  user: CurrentUser,
  { orgId, apiDomain }: { orgId: string | null; apiDomain: string },
): Promise<{ facts: RecordFacts } | StartFailure> {
  const calls = connect({ host, apiDomain });
  const cache = createSettingsCache({ store: store ?? createMemoryStore(), now, scope: { orgId, apiDomain, userId: user.id, module: record.module } });
  const settings = createSettingsSource({ settings: calls.settings, cache, profileId: user.profile.id, module: record.module });
  // A warm view reads only the lock and the record; the settings come from the cache.
  const cached = settings.cached();
  const [known, lock, summary] = await Promise.allSettled([cached?.settings ?? settings.read(), calls.locks.getLock(record), calls.records.getRecord(record)]);
  if (known.status === 'rejected') return startFailureOf(known.reason, 'start.unavailable');
  // Without a configuration Zoho answers the lock read with NOT_ALLOWED: that simply means "no lock".
  const unconfigured = lock.status === 'rejected' && hasCode(lock.reason, 'NOT_ALLOWED');
  let current: LockSettings = known.value;
  if (cached && unconfigured !== (current.configuration === null)) {
    // Zoho contradicts the cache: the configuration is gone, or there is one now. Read it again.
    settings.drop();
    try {
      current = await settings.read();
    } catch (error) {
      return startFailureOf(error, 'start.unavailable');
    }
  }
  if (lock.status === 'rejected' && !(unconfigured && current.configuration === null)) return startFailureOf(lock.reason, 'start.unavailable');
  const facts: RecordFacts = {
    calls,
    record,
    user,
    configuration: current.configuration,
    lock: lock.status === 'fulfilled' ? lock.value : null,
    // The record read only adds the approval/Zia hint; without it the lock is still worth showing.
    summary: summary.status === 'fulfilled' ? summary.value : { id: record.recordId, hold: 'none' },
    lockPermission: current.lockPermission,
    maxLength: current.maxLength,
    settings,
    settingsStale: cached !== null && !cached.fresh && current === known.value,
  };
  return { facts };
}
