/**
 * A configuration's `locking_rules` from a POST or PUT body: each rule added, changed (by id) or
 * removed (`_delete`), with its criteria checked against the module's fields.
 */
import { z } from 'zod';
import { limited, LIMITS, parseOr, refuse } from './configuration-refusals';
import { fieldRef, Id } from './configuration-refs';
import { ERRORS } from './errors';
import type { ModuleMeta } from './modules';
import { COMPARATORS, newId, type Criteria, type EmulatorState, type LockingRuleState } from './state';

const RuleInput = z.object({
  id: Id.optional(),
  name: z.unknown().optional(),
  lock_existing_records: z.boolean().optional(),
  criteria: z.unknown().optional(),
  _delete: z.boolean().optional(),
});

const criteriaOf = (module: ModuleMeta, value: unknown, key: string): Criteria => {
  if (value === null || typeof value !== 'object') return refuse(ERRORS.mandatoryNotFound, key);
  const raw = value as Record<string, unknown>;
  if ('group' in raw || 'group_operator' in raw) {
    const operator = raw['group_operator'];
    if (operator !== 'AND' && operator !== 'OR') {
      return refuse(ERRORS.invalidData, `${key}.group_operator`, { supported_values: ['AND', 'OR'] });
    }
    const group = Array.isArray(raw['group']) ? raw['group'] : [];
    if (group.length === 0) return refuse(ERRORS.mandatoryNotFound, `${key}.group`);
    return { group_operator: operator, group: group.map((c, i) => criteriaOf(module, c, `${key}.group[${i}]`)) };
  }
  const comparator = COMPARATORS.find((c) => c === raw['comparator']);
  if (!comparator) return refuse(ERRORS.comparatorNotFound, `${key}.comparator`, { supported_values: [...COMPARATORS] });
  if (raw['field'] === undefined) return refuse(ERRORS.expectedFieldMissing, `${key}.field`);
  const field = fieldRef(module, raw['field'], `${key}.field`);
  if (!('value' in raw)) return refuse(ERRORS.mandatoryNotFound, `${key}.value`);
  return { comparator, field, type: 'value', value: raw['value'] };
};

export const mergeRules = (
  state: EmulatorState,
  module: ModuleMeta,
  existing: LockingRuleState[],
  value: unknown,
): { rules: LockingRuleState[]; touched: LockingRuleState[]; deleted: string[] } => {
  const inputs = parseOr(z.array(z.unknown()), value, 'locking_rules');
  let rules = existing.map((r) => ({ ...r }));
  const touched: LockingRuleState[] = [];
  const deleted: string[] = [];
  inputs.forEach((input, index) => {
    const key = `locking_rules[${index}]`;
    const rule = parseOr(RuleInput, input, key);
    const current = rule.id === undefined ? undefined : rules.find((r) => r.id === rule.id);
    if (rule.id !== undefined && !current) return refuse(ERRORS.ruleNotFound, `${key}.id`);
    if (rule._delete === true && current) {
      rules = rules.filter((r) => r.id !== current.id);
      deleted.push(current.id);
      return;
    }
    const name = rule.name ?? current?.name;
    if (typeof name !== 'string' || name.trim() === '') return refuse(ERRORS.mandatoryNotFound, `${key}.name`);
    if (name.length > 256) return refuse(ERRORS.invalidData, `${key}.name`, { maximum_length: 256 });
    const criteria =
      rule.criteria === undefined && current ? current.criteria : criteriaOf(module, rule.criteria, `${key}.criteria`);
    const saved: LockingRuleState = {
      id: current?.id ?? newId(state),
      name: name.trim(),
      lock_existing_records: rule.lock_existing_records ?? current?.lock_existing_records ?? false,
      criteria,
    };
    rules = current ? rules.map((r) => (r.id === saved.id ? saved : r)) : [...rules, saved];
    touched.push(saved);
  });
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const lower = rule.name.toLowerCase();
    if (seen.has(lower)) refuse(ERRORS.duplicateRuleName, `locking_rules[${index}].name`);
    seen.add(lower);
  });
  return { rules: limited(rules, LIMITS.rules, ERRORS.rulesLimit, 'locking_rules'), touched, deleted };
};
