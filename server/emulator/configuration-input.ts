/**
 * Validates a record-locking configuration from a POST or PUT body against Zoho's rules and
 * builds the stored configuration. Every refusal is Zoho's item-level error inside
 * `record_locking_configurations[]`, with the `json_path` of the offending key.
 */
import { z } from 'zod';
import type { Caller } from './auth';
import { ERRORS, failItem, type ErrorEntry } from './errors';
import { findField, isExcludableField, type ModuleMeta } from './modules';
import {
  COMPARATORS,
  LOCK_TYPES,
  LOCKED_FOR,
  RESTRICTED_ACTIONS,
  RESTRICTED_COMMUNICATIONS,
  newId,
  type ConfigurationState,
  type Criteria,
  type EmulatorState,
  type LockedFor,
  type LockingRuleState,
} from './state';
import { userRef } from './store';
import { zohoTime } from './zoho-time';

export const WRAPPER = 'record_locking_configurations';
const LIMITS = { rules: 5, profiles: 15, fields: 15, buttons: 30 } as const;

const Id = z.union([z.string(), z.number()]).transform(String);
const Ref = z.object({ id: Id.optional(), api_name: z.string().optional(), name: z.string().optional() });
const RuleInput = z.object({
  id: Id.optional(),
  name: z.unknown().optional(),
  lock_existing_records: z.boolean().optional(),
  criteria: z.unknown().optional(),
  _delete: z.boolean().optional(),
});

const path = (key: string): string => `$.${WRAPPER}[0].${key}`;

const refuse = (entry: ErrorEntry, key: string, extra: Record<string, unknown> = {}): never =>
  failItem(WRAPPER, entry, { ...extra, api_name: key.split(/[.[]/)[0] ?? key, json_path: path(key) });

const parseOr = <T>(schema: z.ZodType<T>, value: unknown, key: string): T => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : refuse(ERRORS.invalidData, key);
};

const limited = <T>(items: T[], limit: number, entry: ErrorEntry, key: string): T[] =>
  items.length > limit ? refuse(entry, key, { limit, available_limit: limit }) : items;

const lockedForOf = (value: unknown): LockedFor => {
  // GET docs spell it singular; accept both, store the plural.
  const normalised = value === 'all_profiles_except_excluded_profile' ? 'all_profiles_except_excluded_profiles' : value;
  const found = LOCKED_FOR.find((v) => v === normalised);
  return found ?? refuse(ERRORS.lockedForNotFound, 'locked_for', { supported_values: [...LOCKED_FOR] });
};

const fieldRef = (module: ModuleMeta, value: unknown, key: string): { api_name: string; id: string } => {
  const ref = parseOr(Ref, value, key);
  if (ref.api_name === undefined && ref.id === undefined) return refuse(ERRORS.expectedFieldMissing, key);
  const byName = ref.api_name === undefined ? undefined : findField(module, { api_name: ref.api_name });
  const byId = ref.id === undefined ? undefined : findField(module, { id: ref.id });
  if (byName && byId && byName !== byId) return refuse(ERRORS.ambiguity, key);
  const field = byName ?? byId;
  if (!field) return refuse(ERRORS.fieldNotFound, key);
  return { api_name: field.api_name, id: field.id };
};

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

export interface ConfigurationDraft {
  configuration: ConfigurationState;
  /** Rules saved with lock_existing_records: their matching records get locked now. */
  lockExisting: LockingRuleState[];
  /** Rules removed by `_delete`: their automatic locks are released. */
  deletedRuleIds: string[];
}

const mergeRules = (
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

export const buildConfiguration = (
  state: EmulatorState,
  module: ModuleMeta,
  input: Record<string, unknown>,
  base: ConfigurationState | null,
  caller: Caller,
  now: Date,
): ConfigurationDraft => {
  const has = (key: string): boolean => key in input && input[key] !== undefined;
  if (!base && !has('lock_type')) refuse(ERRORS.mandatoryNotFound, 'lock_type');
  const lockType = has('lock_type')
    ? (LOCK_TYPES.find((t) => t === input['lock_type']) ??
      refuse(ERRORS.lockTypeNotFound, 'lock_type', { supported_values: [...LOCK_TYPES] }))
    : (base?.lock_type ?? 'manual');
  if (has('feature_type') && input['feature_type'] !== 'record_locking') {
    refuse(ERRORS.featureTypeNotFound, 'feature_type', { supported_values: ['record_locking'] });
  }
  const lockedFor = has('locked_for') ? lockedForOf(input['locked_for']) : (base?.locked_for ?? 'all_profiles');

  const profiles = has('lock_excluded_profiles')
    ? limited(
        parseOr(z.array(Ref), input['lock_excluded_profiles'], 'lock_excluded_profiles'),
        LIMITS.profiles,
        ERRORS.profilesLimit,
        'lock_excluded_profiles',
      ).map((ref, i) => {
        const profile = state.profiles.find((p) => p.id === ref.id || (ref.id === undefined && p.name === ref.name));
        return profile ? { name: profile.name, id: profile.id } : refuse(ERRORS.profileNotFound, `lock_excluded_profiles[${i}]`);
      })
    : (base?.lock_excluded_profiles ?? []);
  if (lockedFor === 'all_profiles_except_excluded_profiles' && profiles.length === 0) {
    failItem(WRAPPER, ERRORS.excludedProfilesMissing, {
      dependee: { api_name: 'locked_for', json_path: path('locked_for') },
      api_name: 'lock_excluded_profiles',
      json_path: path('lock_excluded_profiles'),
    });
  }

  const excludedFields = has('excluded_fields')
    ? limited(
        parseOr(z.array(z.unknown()), input['excluded_fields'], 'excluded_fields'),
        LIMITS.fields,
        ERRORS.fieldsLimit,
        'excluded_fields',
      ).map((value, i) => {
        const ref = fieldRef(module, value, `excluded_fields[${i}]`);
        const meta = findField(module, ref);
        return meta && isExcludableField(meta) ? ref : refuse(ERRORS.fieldNotSupported, `excluded_fields[${i}].api_name`);
      })
    : (base?.excluded_fields ?? []);

  const actions = has('restricted_actions')
    ? parseOr(z.array(z.unknown()), input['restricted_actions'], 'restricted_actions').map((a, i) =>
        RESTRICTED_ACTIONS.some((known) => known === a)
          ? String(a)
          : refuse(ERRORS.actionNotFound, `restricted_actions[${i}]`, { supported_values: [...RESTRICTED_ACTIONS] }),
      )
    : (base?.restricted_actions ?? []);
  // Zoho always restricts "update" on a locked record.
  const restrictedActions = actions.includes('update') ? [...new Set(actions)] : ['update', ...new Set(actions)];

  const communications = has('restricted_communications')
    ? input['restricted_communications'] === null
      ? null
      : parseOr(z.array(z.unknown()), input['restricted_communications'], 'restricted_communications').map((c, i) =>
          RESTRICTED_COMMUNICATIONS.some((known) => known === c)
            ? String(c)
            : refuse(ERRORS.communicationNotFound, `restricted_communications[${i}]`, {
                supported_values: [...RESTRICTED_COMMUNICATIONS],
              }),
        )
    : (base?.restricted_communications ?? null);

  const buttons = has('restricted_custom_buttons')
    ? input['restricted_custom_buttons'] === null
      ? null
      : limited(
          parseOr(z.array(Ref), input['restricted_custom_buttons'], 'restricted_custom_buttons'),
          LIMITS.buttons,
          ERRORS.buttonsLimit,
          'restricted_custom_buttons',
        ).map((ref, i) => {
          const button = state.customButtons.find((b) => b.module === module.apiName && b.id === ref.id);
          return button ? { name: button.name, id: button.id } : refuse(ERRORS.buttonNotFound, `restricted_custom_buttons[${i}]`);
        })
    : (base?.restricted_custom_buttons ?? null);

  const portal = has('lock_for_portal_users')
    ? parseOr(z.boolean(), input['lock_for_portal_users'], 'lock_for_portal_users')
    : (base?.lock_for_portal_users ?? true);

  const { rules, touched, deleted } = has('locking_rules')
    ? mergeRules(state, module, base?.locking_rules ?? [], input['locking_rules'])
    : { rules: base?.locking_rules ?? [], touched: [], deleted: [] };
  if (lockType !== 'manual' && rules.length === 0) {
    failItem(WRAPPER, ERRORS.rulesMissing, {
      dependee: { api_name: 'lock_type', json_path: path('lock_type') },
      api_name: 'locking_rules',
      json_path: path('locking_rules'),
    });
  }

  const time = zohoTime(now);
  const by = userRef(caller.user);
  return {
    configuration: {
      id: base?.id ?? newId(state),
      module: module.apiName,
      lock_type: lockType,
      locked_for: lockedFor,
      lock_excluded_profiles: profiles,
      excluded_fields: excludedFields,
      restricted_actions: restrictedActions,
      restricted_communications: communications,
      restricted_custom_buttons: buttons,
      lock_for_portal_users: portal,
      locking_rules: rules,
      feature_type: 'record_locking',
      system_defined: base?.system_defined ?? false,
      created_time: base?.created_time ?? time,
      modified_time: time,
      created_by: base?.created_by ?? by,
      modified_by: by,
    },
    lockExisting: touched.filter((r) => r.lock_existing_records),
    deletedRuleIds: deleted,
  };
};
