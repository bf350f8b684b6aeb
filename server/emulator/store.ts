/**
 * Reading and changing the state: lookups, lock bookkeeping and automatic locking by rule.
 * Plain functions over `EmulatorState`; the router owns the one state object.
 */
import { criteriaMatch } from './criteria';
import { newId } from './state';
import type { ConfigurationState, EmulatorState, LockState, LockingRuleState, RecordState, UserRef } from './state';
import { zohoTime } from './zoho-time';

export const recordsOf = (state: EmulatorState, module: string): RecordState[] => {
  const existing = state.records[module];
  if (existing) return existing;
  const created: RecordState[] = [];
  state.records[module] = created;
  return created;
};

export const findRecord = (state: EmulatorState, module: string, id: string): RecordState | undefined =>
  state.records[module]?.find((r) => r.id === id);

export const lockOf = (state: EmulatorState, module: string, recordId: string): LockState | undefined =>
  state.locks.find((l) => l.module === module && l.recordId === recordId);

export const configurationOf = (state: EmulatorState, module: string): ConfigurationState | undefined =>
  state.configurations.find((c) => c.module === module);

export const userRefOf = (state: EmulatorState, userId: string): UserRef => {
  const user = state.users.find((u) => u.id === userId);
  return { name: user ? `${user.first_name} ${user.last_name}` : 'Unknown user', id: userId };
};

export const removeLocks = (state: EmulatorState, keep: (lock: LockState) => boolean): void => {
  state.locks = state.locks.filter(keep);
};

const automaticLock = (
  state: EmulatorState,
  configuration: ConfigurationState,
  rule: LockingRuleState,
  record: RecordState,
  now: Date,
): LockState => {
  const time = zohoTime(now);
  return {
    id: newId(state),
    module: configuration.module,
    recordId: record.id,
    reason: null,
    source: 'Automatic',
    lockedAt: time,
    lockedById: null,
    ruleId: rule.id,
    configurationId: configuration.id,
    createdById: configuration.modified_by.id,
    modifiedById: configuration.modified_by.id,
    createdTime: time,
    modifiedTime: time,
  };
};

const rulesApply = (configuration: ConfigurationState): boolean => configuration.lock_type !== 'manual';

/**
 * After a record is created or changed: lock it when a rule matches, and release an automatic
 * lock whose rule no longer matches (records stay locked only while they match a rule).
 */
export const applyLockingRules = (state: EmulatorState, module: string, record: RecordState, now: Date): void => {
  const configuration = configurationOf(state, module);
  if (!configuration || !rulesApply(configuration)) return;
  const current = lockOf(state, module, record.id);
  const matching = configuration.locking_rules.find((rule) => criteriaMatch(rule.criteria, record.fields));
  if (current?.source === 'Automatic' && !matching) {
    removeLocks(state, (l) => l.id !== current.id);
    return;
  }
  if (!current && matching) state.locks.push(automaticLock(state, configuration, matching, record, now));
};

/** A rule saved with lock_existing_records: lock every unlocked record that already matches. */
export const lockExistingRecords = (
  state: EmulatorState,
  configuration: ConfigurationState,
  rule: LockingRuleState,
  now: Date,
): void => {
  if (!rulesApply(configuration)) return;
  for (const record of recordsOf(state, configuration.module)) {
    if (!lockOf(state, configuration.module, record.id) && criteriaMatch(rule.criteria, record.fields)) {
      state.locks.push(automaticLock(state, configuration, rule, record, now));
    }
  }
};
