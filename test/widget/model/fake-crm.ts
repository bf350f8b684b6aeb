import { CrmError } from '../../../widget/crm/crm-error';
import type { LockReads } from '../../../widget/crm/lock-reads';
import type { LockWrites } from '../../../widget/crm/lock-writes';
import type { RecordCalls } from '../../../widget/crm/records';
import type { SettingsCalls } from '../../../widget/crm/settings-calls';
import type { Lock, LockingConfiguration, LockPermission, RecordSummary } from '../../../widget/crm/types';
import type { PanelCalls } from '../../../widget/model/panel-calls';
import type { CurrentUser, Host, PageContext } from '../../../widget/host/host';
import { HostError } from '../../../widget/host/host';
import { configuration, manager } from './fixtures';

export interface FakeCrmState {
  configuration: LockingConfiguration | null;
  lock: Lock | null;
  summary: RecordSummary;
  permission: LockPermission;
  maxLength: number | null;
  /** The user whose name a new lock carries. */
  actor: { id: string; name: string };
}

/** Every call the record panel makes, as one in-memory record. */
type Crm = LockReads & LockWrites & RecordCalls & SettingsCalls;
type Method = keyof Crm;

/**
 * A Crm that keeps one record's lock in memory and refuses what Zoho refuses (already locked,
 * automatic only, relation not found, automatic unlock). Scripted failures replace one answer;
 * `afterApplying` makes the change happen first, as when Zoho acted and the answer was lost.
 */
export interface FakeCrm extends Crm {
  state: FakeCrmState;
  /** The panel's calls over this fake, as the model connects them. */
  calls(): PanelCalls;
  /** The methods called, in order. */
  made: Method[];
  failNext(method: Method, error: unknown, options?: { afterApplying?: boolean }): void;
  /** Holds every answer until the returned function is called. */
  pause(): () => void;
  /** The next getLock reads the lock at once but answers only when the returned function is called: a re-read a change overtakes. */
  delayNextRead(): () => void;
}

// Two minutes after the fixtures' lock time, at the tests' NOW: a new lock reads "now".
const clock = { now: '2024-03-01T10:02:00+00:00' };

export function createFakeCrm(initial: Partial<FakeCrmState> = {}): FakeCrm {
  const state: FakeCrmState = {
    configuration: configuration(),
    lock: null,
    summary: { id: '9001', hold: 'none' },
    permission: 'granted',
    maxLength: 2000,
    actor: { id: manager.id, name: manager.fullName },
    ...initial,
  };
  const calls: Method[] = [];
  const failures = new Map<Method, { error: unknown; afterApplying: boolean }>();
  let gate: Promise<void> = Promise.resolve();
  let lockCount = 0;
  let readGate: Promise<void> | null = null;

  const notConfigured = () => new CrmError('NOT_ALLOWED', 'Required Record Locking Configuration is not present', {}, 400);
  const relationNotFound = () => new CrmError('INVALID_DATA', 'relation not found', {}, 400);

  async function answer<T>(method: Method, act: () => T): Promise<T> {
    calls.push(method);
    await gate;
    const failure = failures.get(method);
    failures.delete(method);
    if (failure) {
      if (failure.afterApplying) act();
      throw failure.error;
    }
    return act();
  }

  const behaviour: Crm = {
    async getLock() {
      const held = readGate;
      readGate = null;
      const found = await answer('getLock', () => {
        if (!state.configuration) throw notConfigured();
        return state.lock ? { ...state.lock } : null;
      });
      await held;
      return found;
    },
    lock: (_record, reason) =>
      answer('lock', () => {
        if (!state.configuration) throw notConfigured();
        if (state.lock) throw new CrmError('NOT_ALLOWED', 'record is already locked', {}, 403);
        if (state.configuration.lockType === 'automatic') {
          throw new CrmError('NOT_ALLOWED', 'record cannot be locked, only automatic locking is configured', {}, 403);
        }
        if (state.permission === 'denied') throw new CrmError('NO_PERMISSION', 'permission denied', {}, 403);
        lockCount += 1;
        state.lock = {
          id: `lock-new-${lockCount}`,
          reason,
          source: 'Manual',
          lockedAt: clock.now,
          lockedBy: state.actor,
          ruleId: null,
          editable: true,
        };
        return { id: state.lock.id, lock: { ...state.lock } };
      }),
    updateReason: (_record, lockId, reason) =>
      answer('updateReason', () => {
        if (!state.lock || state.lock.id !== lockId) throw relationNotFound();
        if (state.lock.source !== 'Manual') throw new CrmError('NOT_ALLOWED', 'record is already locked', {}, 403);
        state.lock = { ...state.lock, reason };
      }),
    unlock: (_record, lockId) =>
      answer('unlock', () => {
        if (!state.lock || state.lock.id !== lockId) throw relationNotFound();
        if (state.lock.source !== 'Manual') {
          throw new CrmError('NOT_ALLOWED', 'Automatically locked records can not be unlocked manually', {}, 403);
        }
        state.lock = null;
      }),
    getLockingConfiguration: () => answer('getLockingConfiguration', () => state.configuration),
    getLockPermission: () => answer('getLockPermission', () => state.permission),
    getReasonMaxLength: () => answer('getReasonMaxLength', () => state.maxLength),
    getRecord: () => answer('getRecord', () => ({ ...state.summary })),
  };

  return {
    ...behaviour,
    state,
    calls: () => ({ locks: behaviour, records: behaviour, writes: async () => behaviour, settings: async () => behaviour }),
    made: calls,
    failNext(method, error, options = {}) {
      failures.set(method, { error, afterApplying: options.afterApplying ?? false });
    },
    pause() {
      let release = () => {};
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = Promise.resolve();
        release();
      };
    },
    delayNextRead() {
      let release = () => {};
      readGate = new Promise((resolve) => (release = resolve));
      return release;
    },
  };
}

export interface FakeHost extends Host {
  resizes: number[];
  becomeVisible(): void;
}

/** A Host whose page, user and environment answer at once (or fail with the given HostErrors). */
export function createFakeHost(
  options: { page?: PageContext; user?: CurrentUser; failures?: Partial<Record<'pageContext' | 'currentUser' | 'environment', HostError>> } = {},
): FakeHost {
  const visible = new Set<() => void>();
  const resizes: number[] = [];
  const answer = <T,>(name: 'pageContext' | 'currentUser' | 'environment', value: T) => {
    const failure = options.failures?.[name];
    return failure ? Promise.reject(failure) : Promise.resolve(value);
  };
  return {
    resizes,
    pageContext: () => answer('pageContext', options.page ?? { module: 'Deals', recordId: '9001' }),
    currentUser: () => answer('currentUser', options.user ?? manager),
    theme: async () => 'day',
    environment: () => answer('environment', { deployment: 'EU', apiDomain: 'https://www.zohoapis.eu', orgId: null }),
    request: () => Promise.reject(new HostError('unavailable', 'the fake host makes no REST calls')),
    resize: (height) => void resizes.push(height),
    onVisible(callback) {
      visible.add(callback);
      return () => visible.delete(callback);
    },
    becomeVisible: () => visible.forEach((callback) => callback()),
  };
}
