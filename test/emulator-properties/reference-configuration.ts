/**
 * The reference model of the module's locking configuration: only profiles with "Customize Zoho
 * CRM" read or change it; rules lock matching records (when asked to lock existing ones), removing a
 * rule hands its locks to another rule that matches their records or releases them, switching to
 * manual-only releases the locks rules hold (a "Both" lock is manual again),
 * deleting the configuration releases every lock of the module.
 */
import { expect } from 'vitest';
import type { EmulatorState, LockingRuleState, LockState } from '../../server/emulator/state';
import type { Command } from './commands';
import { configurationOf, criteriaHold, lockOf, pick, recordOf } from './org-state';
import { CUSTOMIZING_PROFILES, MODULES_UNDER_TEST, PROFILE_IDS, STALE_LOCK_ID } from './org-under-test';
import { outcome, SCOPE_MISMATCH, SUCCESS_200, unchanged, type Outcome, type Plan, type PlanContext } from './reference-model';

type ConfigurationCommand = Extract<
  Command,
  {
    kind:
      | 'readConfiguration'
      | 'addRule'
      | 'removeRule'
      | 'setLockType'
      | 'deleteConfiguration'
      | 'createConfiguration'
      | 'setExcludedProfiles'
      | 'setExcludedFields';
  }
>;

const WRAPPER = 'record_locking_configurations';
const RULE_LIMIT = 5;

const locksOfModule = (state: EmulatorState, module: string): LockState[] => state.locks.filter((l) => l.module === module);
const locksElsewhere = (state: EmulatorState, module: string): LockState[] => state.locks.filter((l) => l.module !== module);

/**
 * Every record of the module that matches the rule and had no lock is now locked by it, a matching
 * manual lock becomes "Both" with the rule, and every other lock is left as it was.
 */
const lockedExisting = (before: EmulatorState, after: EmulatorState, module: string, ruleId: string): void => {
  const rule = configurationOf(after, module)?.locking_rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error('the new rule is missing from the configuration');
  for (const record of after.records[module] ?? []) {
    const previous = lockOf(before, module, record.id);
    const now = lockOf(after, module, record.id);
    const matches = criteriaHold(rule.criteria, record.fields);
    if (previous?.source === 'Manual' && matches) expect(now).toEqual({ ...previous, source: 'Both', ruleId });
    else if (previous) expect(now).toEqual(previous);
    else if (matches) expect(now).toMatchObject({ source: 'Automatic', ruleId });
    else expect(now).toBeUndefined();
  }
};

/**
 * The locks after the rules named by `released` stop holding them: a lock whose record matches one
 * of the `remaining` rules names the first such rule; otherwise an automatic lock goes and a "Both"
 * lock is manual again (reason and locker kept). Every other lock stays.
 */
const releasedLocks = (
  before: EmulatorState,
  module: string,
  released: (lock: LockState) => boolean,
  remaining: readonly LockingRuleState[],
): LockState[] =>
  before.locks.flatMap((l) => {
    if (l.module !== module || l.source === 'Manual' || !released(l)) return [l];
    const fields = recordOf(before, module, l.recordId)?.fields ?? {};
    const other = remaining.find((r) => criteriaHold(r.criteria, fields));
    if (other) return [{ ...l, ruleId: other.id }];
    return l.source === 'Both' ? [{ ...l, source: 'Manual' as const, ruleId: null }] : [];
  });

export const planConfigurationCommand = (command: ConfigurationCommand, { before, identity, actor }: PlanContext): Plan => {
  const module = command.module;
  const meta = MODULES_UNDER_TEST[module];
  const configuration = configurationOf(before, module);
  const query = `?module=${module}`;
  const path = `/settings/${WRAPPER}${query}`;
  const put = (item: Record<string, unknown>) => ({
    method: 'PUT' as const,
    path,
    body: { [WRAPPER]: [{ id: configuration?.id ?? STALE_LOCK_ID, ...item }] },
  });
  const access: Outcome | null =
    actor === 'narrowScope' ? SCOPE_MISMATCH : CUSTOMIZING_PROFILES.has(identity.profileId) ? null : outcome('NO_PERMISSION', 403);
  const missing = configuration ? null : outcome('INVALID_DATA', 400);
  const ruleCriteria = (value: number) => ({
    comparator: 'equal',
    field: { api_name: meta.ruleField },
    value: pick(meta.ruleValues, value),
  });
  const decide = (request: Plan['request'], problem: Outcome | null, success: Outcome, verify: Plan['verify']): Plan =>
    problem ? { request, expected: problem, verify: unchanged(before) } : { request, expected: success, verify };
  const rules = configuration?.locking_rules ?? [];
  const rulesApply = (lockType: string | undefined) => lockType !== undefined && lockType !== 'manual';

  switch (command.kind) {
    case 'readConfiguration':
      return decide({ method: 'GET', path }, access, configuration ? SUCCESS_200 : outcome('SUCCESS', 204), (after, answer) => {
        unchanged(before)(after);
        if (answer && configuration) {
          expect(answer.body).toMatchObject({ [WRAPPER]: [{ id: configuration.id, lock_type: configuration.lock_type }] });
        }
      });
    case 'addRule': {
      const name = `Rule ${command.name}`;
      const request = put({
        locking_rules: [{ name, lock_existing_records: command.lockExisting, criteria: ruleCriteria(command.value) }],
      });
      const problem =
        access ??
        missing ??
        (rules.some((r) => r.name.toLowerCase() === name.toLowerCase()) ? outcome('DUPLICATE_DATA', 400) : null) ??
        (rules.length + 1 > RULE_LIMIT ? outcome('LIMIT_EXCEEDED', 400) : null);
      return decide(request, problem, SUCCESS_200, (after) => {
        const added = configurationOf(after, module)?.locking_rules.find((r) => r.name === name);
        expect(added).toBeDefined();
        if (command.lockExisting && rulesApply(configuration?.lock_type) && added) lockedExisting(before, after, module, added.id);
        else expect(after.locks).toEqual(before.locks);
      });
    }
    case 'removeRule': {
      const target = command.rule < rules.length ? rules[command.rule] : undefined;
      const ruleId = target?.id ?? STALE_LOCK_ID;
      const request = put({ locking_rules: [{ id: ruleId, _delete: true }] });
      const problem =
        access ??
        missing ??
        (target ? null : outcome('INVALID_DATA', 400)) ??
        (rules.length === 1 && rulesApply(configuration?.lock_type) ? outcome('DEPENDENT_FIELD_MISSING', 400) : null);
      return decide(request, problem, SUCCESS_200, (after) => {
        expect(configurationOf(after, module)?.locking_rules.map((r) => r.id)).not.toContain(ruleId);
        const remaining = rulesApply(configuration?.lock_type) ? rules.filter((r) => r.id !== ruleId) : [];
        expect(after.locks).toEqual(releasedLocks(before, module, (l) => l.ruleId === ruleId, remaining));
      });
    }
    case 'setLockType': {
      const request = put({ lock_type: command.lockType });
      const problem =
        access ?? missing ?? (rulesApply(command.lockType) && rules.length === 0 ? outcome('DEPENDENT_FIELD_MISSING', 400) : null);
      return decide(request, problem, SUCCESS_200, (after) => {
        expect(configurationOf(after, module)?.lock_type).toBe(command.lockType);
        const rulesOff = command.lockType === 'manual';
        expect(after.locks).toEqual(releasedLocks(before, module, () => rulesOff, []));
      });
    }
    case 'deleteConfiguration': {
      const id = configuration?.id ?? STALE_LOCK_ID;
      const request = {
        method: 'DELETE' as const,
        path: command.idInPath ? `/settings/${WRAPPER}/${id}${query}` : `${path}&ids=${id}`,
      };
      return decide(request, access ?? missing, SUCCESS_200, (after) => {
        expect(configurationOf(after, module)).toBeUndefined();
        expect(locksOfModule(after, module)).toEqual([]);
        expect(locksElsewhere(after, module)).toEqual(locksElsewhere(before, module));
      });
    }
    case 'createConfiguration': {
      const name = 'Created rule';
      const item = {
        lock_type: command.lockType,
        ...(command.withRule
          ? { locking_rules: [{ name, lock_existing_records: true, criteria: ruleCriteria(command.value) }] }
          : {}),
      };
      const request = { method: 'POST' as const, path, body: { [WRAPPER]: [item] } };
      const problem =
        access ??
        (configuration ? outcome('LIMIT_EXCEEDED', 400) : null) ??
        (rulesApply(command.lockType) && !command.withRule ? outcome('DEPENDENT_FIELD_MISSING', 400) : null);
      return decide(request, problem, outcome('SUCCESS', 201), (after) => {
        const created = configurationOf(after, module);
        expect(created).toMatchObject({ lock_type: command.lockType, locked_for: 'all_profiles' });
        const rule = created?.locking_rules.find((r) => r.name === name);
        if (rule && rulesApply(command.lockType)) lockedExisting(before, after, module, rule.id);
        else expect(after.locks).toEqual(before.locks);
      });
    }
    case 'setExcludedProfiles': {
      const profiles = [...new Set(command.profiles.map((i) => pick(PROFILE_IDS, i)))];
      const request = put({
        locked_for: profiles.length === 0 ? 'all_profiles' : 'all_profiles_except_excluded_profiles',
        lock_excluded_profiles: profiles.map((id) => ({ id })),
      });
      return decide(request, access ?? missing, SUCCESS_200, (after) => {
        expect(configurationOf(after, module)?.lock_excluded_profiles.map((p) => p.id)).toEqual(profiles);
        expect(after.locks).toEqual(before.locks);
      });
    }
    case 'setExcludedFields': {
      const fields = [...new Set(command.fields.map((i) => pick(meta.excludable, i)))];
      const request = put({ excluded_fields: fields.map((api_name) => ({ api_name })) });
      return decide(request, access ?? missing, SUCCESS_200, (after) => {
        expect(configurationOf(after, module)?.excluded_fields.map((f) => f.api_name)).toEqual(fields);
        expect(after.locks).toEqual(before.locks);
      });
    }
  }
};
