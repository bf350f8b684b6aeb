/**
 * Reading and changing the state: lookups, lock bookkeeping and automatic locking by rule.
 * Plain functions over `EmulatorState`; the router owns the one state object.
 */
import { criteriaMatch } from './criteria';
import { newId } from './state';
import type { ConfigurationState, EmulatorState, LockState, LockingRuleState, RecordState, UserRef, UserState } from './state';
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

/** A user as Zoho names one in lookups (Locked_By__s, Created_By, ...): `{name: "First Last", id}`. */
export const userRef = (user: UserState): UserRef => ({ name: `${user.first_name} ${user.last_name}`, id: user.id });

export const userRefOf = (state: EmulatorState, userId: string): UserRef => {
  const user = state.users.find((u) => u.id === userId);
  return user ? userRef(user) : { name: 'Unknown user', id: userId };
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

/** The configuration's first rule that matches the record, when its rules apply at all. */
const matchingRule = (configuration: ConfigurationState, record: RecordState): LockingRuleState | undefined =>
  rulesApply(configuration) ? configuration.locking_rules.find((rule) => criteriaMatch(rule.criteria, record.fields)) : undefined;

/** Whether the rule a lock names still exists and still matches its record. */
const ownRuleHolds = (configuration: ConfigurationState, lock: LockState, record: RecordState): boolean =>
  configuration.locking_rules.some((rule) => rule.id === lock.ruleId && criteriaMatch(rule.criteria, record.fields));

/**
 * A rule matches a record: an unlocked one gets an automatic lock, a manual lock becomes "Both",
 * and a rule-held lock whose own rule no longer holds it names this rule instead (so that the lock
 * always names a rule that holds it; its source, reason, locker and time stay).
 */
const holdByRule = (
  state: EmulatorState,
  configuration: ConfigurationState,
  rule: LockingRuleState,
  record: RecordState,
  now: Date,
): void => {
  const current = lockOf(state, configuration.module, record.id);
  if (!current) state.locks.push(automaticLock(state, configuration, rule, record, now));
  else if (current.source === 'Manual') Object.assign(current, { source: 'Both', ruleId: rule.id });
  else if (!ownRuleHolds(configuration, current, record)) current.ruleId = rule.id;
};

/** A rule no longer holds a lock: an automatic lock goes, a "Both" lock stays as the manual lock it was. */
const releaseFromRule = (state: EmulatorState, lock: LockState): void => {
  if (lock.source === 'Automatic') removeLocks(state, (l) => l.id !== lock.id);
  else if (lock.source === 'Both') Object.assign(lock, { source: 'Manual', ruleId: null });
};

/**
 * The module's rule-held locks that `released` names lost their rule (rules deleted, or rules
 * switched off): each moves to another rule of the saved configuration that matches its record,
 * or is released when none does.
 */
export const releaseRuleLocks = (state: EmulatorState, module: string, released: (lock: LockState) => boolean): void => {
  const configuration = configurationOf(state, module);
  const held = state.locks.filter((l) => l.module === module && l.source !== 'Manual' && released(l));
  for (const lock of held) {
    const record = findRecord(state, module, lock.recordId);
    const other = configuration && record ? matchingRule(configuration, record) : undefined;
    if (other) lock.ruleId = other.id;
    else releaseFromRule(state, lock);
  }
};

/**
 * After a record is created or changed: a matching rule locks it (or joins its manual lock as
 * "Both", or takes over a rule-held lock whose own rule stopped matching); a rule-held lock that no
 * rule matches any more is released (records stay locked by rule only while they match one).
 */
export const applyLockingRules = (state: EmulatorState, module: string, record: RecordState, now: Date): void => {
  const configuration = configurationOf(state, module);
  if (!configuration || !rulesApply(configuration)) return;
  const current = lockOf(state, module, record.id);
  const matching = matchingRule(configuration, record);
  if (matching) holdByRule(state, configuration, matching, record, now);
  else if (current) releaseFromRule(state, current);
};

/** A rule saved with lock_existing_records: it now holds every record that already matches it. */
export const lockExistingRecords = (
  state: EmulatorState,
  configuration: ConfigurationState,
  rule: LockingRuleState,
  now: Date,
): void => {
  if (!rulesApply(configuration)) return;
  for (const record of recordsOf(state, configuration.module)) {
    if (criteriaMatch(rule.criteria, record.fields)) holdByRule(state, configuration, rule, record, now);
  }
};
