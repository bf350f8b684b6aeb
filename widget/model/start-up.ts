import { hasCode } from '../crm/crm-error';
import { defaultReasonMaxLength } from '../crm/fields';
import type { Crm, CrmOptions } from '../crm/crm';
import type { Lock, LockingConfiguration, LockPermission, RecordRef, RecordSummary } from '../crm/types';
import { HostError } from '../host/host';
import type { CurrentUser, Host } from '../host/host';
import { createMemoryStore } from '../host/storage';
import type { KeyValueStore } from '../host/storage';
import { loadMessagesOrEnglish } from '../i18n/load-messages';
import type { LoadMessages } from '../i18n/load-messages';
import { languageOf } from '../i18n/locale';
import type { Messages } from '../i18n/messages';
import { describeFailure, failureOf } from './failure';
import type { Failure } from './failure';
import { createSettingsSource } from './lock-settings';
import type { SettingsSource } from './lock-settings';
import { createSettingsCache } from './settings-cache';
import type { LockSettings } from './settings-cache';

/** Used when the field metadata cannot be read: safe under both lengths Zoho is known to use. */
export const FALLBACK_REASON_MAX_LENGTH = defaultReasonMaxLength;

/** Everything the widget knows about the open record once it has started. */
export interface RecordFacts {
  crm: Crm;
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

type Outcome =
  | { ok: true; facts: RecordFacts }
  /** unavailable: not inside Zoho CRM; failed: a message and, when it can help, a retry. */
  | { ok: false; state: 'unavailable' | 'failed'; failure: Failure };

/** The user's translation (empty for English or when it could not be loaded) and English, which fills the gaps. */
export type StartResult = Outcome & { messages: Messages; english: Messages };

export interface StartDependencies {
  host: Host;
  createCrm: (options: CrmOptions) => Crm;
  loadMessages: LoadMessages;
  /** Where settings are cached between views; none: every view reads them. */
  store?: KeyValueStore;
  now?: () => number;
}

/**
 * Reads everything the panel shows in two rounds of parallel calls: the page, user and environment,
 * with English fetched beside them, then the configuration, lock, record, permission, reason length
 * and the user's translation. With no text at all to show the state in, start-up fails with the
 * built-in line and a retry.
 */
export async function startUp(dependencies: StartDependencies): Promise<StartResult> {
  const english = dependencies.loadMessages('en').catch(() => ({}));
  const [outcome, messages] = await readRecord(dependencies);
  const texts = { messages, english: await english };
  if (Object.keys(texts.english).length === 0 && Object.keys(messages).length === 0) {
    return { ok: false, state: 'failed', failure: failureOf('start.failed', true), ...texts };
  }
  return { ...outcome, ...texts };
}

async function readRecord({ host, createCrm, loadMessages, store, now }: StartDependencies): Promise<[Outcome, Messages]> {
  const [page, user, environment] = await Promise.allSettled([host.pageContext(), host.currentUser(), host.environment()]);
  if (page.status === 'rejected') return [pageFailure(page.reason), {}];
  if (user.status === 'rejected') return [startFailure(user.reason), {}];
  if (environment.status === 'rejected') return [startFailure(environment.reason), {}];

  const record: RecordRef = { module: page.value.module, recordId: page.value.recordId };
  const { orgId, apiDomain } = environment.value;
  const crm = createCrm({ host, apiDomain });
  const cache = createSettingsCache({
    store: store ?? createMemoryStore(),
    now: now ?? Date.now,
    scope: { orgId, apiDomain, userId: user.value.id, module: record.module },
  });
  const settings = createSettingsSource({ crm, cache, profileId: user.value.profile.id, module: record.module });
  // A warm view reads only the lock and the record; the settings come from the cache.
  const cached = settings.cached();
  const [known, lock, summary, messages] = await Promise.allSettled([
    cached?.settings ?? settings.read(),
    crm.getLock(record),
    crm.getRecord(record),
    loadMessagesOrEnglish(loadMessages, languageOf(user.value.locale)),
  ]);
  const loadedMessages = messages.status === 'fulfilled' ? messages.value : {};
  if (known.status === 'rejected') return [startFailure(known.reason), loadedMessages];
  // Without a configuration Zoho answers the lock read with NOT_ALLOWED: that simply means "no lock".
  const unconfigured = lock.status === 'rejected' && hasCode(lock.reason, 'NOT_ALLOWED');
  let current: LockSettings = known.value;
  if (cached && unconfigured !== (current.configuration === null)) {
    // Zoho contradicts the cache: the configuration is gone, or there is one now. Read it again.
    settings.drop();
    try {
      current = await settings.read();
    } catch (error) {
      return [startFailure(error), loadedMessages];
    }
  }
  if (lock.status === 'rejected' && !(unconfigured && current.configuration === null)) return [startFailure(lock.reason), loadedMessages];

  const facts: RecordFacts = {
    crm,
    record,
    user: user.value,
    configuration: current.configuration,
    lock: lock.status === 'fulfilled' ? lock.value : null,
    // The record read only adds the approval/Zia hint; without it the lock is still worth showing.
    summary: summary.status === 'fulfilled' ? summary.value : { id: record.recordId, hold: 'none' },
    lockPermission: current.lockPermission,
    maxLength: current.maxLength,
    settings,
    settingsStale: cached !== null && !cached.fresh && current === known.value,
  };
  return [{ ok: true, facts }, loadedMessages];
}

function pageFailure(error: unknown): Outcome {
  if (error instanceof HostError && error.kind === 'timeout') {
    return { ok: false, state: 'failed', failure: failureOf('start.pageLoadTimeout') };
  }
  if (error instanceof HostError && error.kind === 'malformed') {
    return { ok: false, state: 'failed', failure: failureOf('start.noRecord') };
  }
  return startFailure(error);
}

function startFailure(error: unknown): Outcome {
  if (error instanceof HostError && error.kind === 'unavailable') {
    return { ok: false, state: 'unavailable', failure: failureOf('start.unavailable') };
  }
  return { ok: false, state: 'failed', failure: describeFailure(error) };
}
