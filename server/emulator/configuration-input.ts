/**
 * Validates a record-locking configuration from a POST or PUT body against Zoho's rules and
 * builds the stored configuration. Every refusal is Zoho's item-level error inside
 * `record_locking_configurations[]`, with the `json_path` of the offending key (see configuration-refusals.ts).
 */
import { z } from 'zod';
import type { Caller } from './auth';
import { limited, LIMITS, parseOr, refuse, refuseWithout } from './configuration-refusals';
import { fieldRef, Ref } from './configuration-refs';
import { ERRORS } from './errors';
import { mergeRules } from './locking-rules-input';
import { findField, isExcludableField, type ModuleMeta } from './modules';
import {
  LOCK_TYPES,
  LOCKED_FOR,
  RESTRICTED_ACTIONS,
  RESTRICTED_COMMUNICATIONS,
  newId,
  type ConfigurationState,
  type EmulatorState,
  type LockedFor,
  type LockingRuleState,
  type LockType,
} from './state';
import { userRef } from './store';
import { zohoTime } from './zoho-time';


const lockTypeOf = (value: unknown): LockType =>
  LOCK_TYPES.find((t) => t === value) ?? refuse(ERRORS.lockTypeNotFound, 'lock_type', { supported_values: [...LOCK_TYPES] });

const lockedForOf = (value: unknown): LockedFor => {
  // GET docs spell it singular; accept both, store the plural.
  const normalised = value === 'all_profiles_except_excluded_profile' ? 'all_profiles_except_excluded_profiles' : value;
  const found = LOCKED_FOR.find((v) => v === normalised);
  return found ?? refuse(ERRORS.lockedForNotFound, 'locked_for', { supported_values: [...LOCKED_FOR] });
};

const excludedProfilesOf = (state: EmulatorState, value: unknown): ConfigurationState['lock_excluded_profiles'] =>
  limited(parseOr(z.array(Ref), value, 'lock_excluded_profiles'), LIMITS.profiles, ERRORS.profilesLimit, 'lock_excluded_profiles').map(
    (ref, i) => {
      const profile = state.profiles.find((p) => p.id === ref.id || (ref.id === undefined && p.name === ref.name));
      return profile ? { name: profile.name, id: profile.id } : refuse(ERRORS.profileNotFound, `lock_excluded_profiles[${i}]`);
    },
  );

const excludedFieldsOf = (module: ModuleMeta, value: unknown): ConfigurationState['excluded_fields'] =>
  limited(parseOr(z.array(z.unknown()), value, 'excluded_fields'), LIMITS.fields, ERRORS.fieldsLimit, 'excluded_fields').map(
    (item, i) => {
      const ref = fieldRef(module, item, `excluded_fields[${i}]`);
      const meta = findField(module, ref);
      return meta && isExcludableField(meta) ? ref : refuse(ERRORS.fieldNotSupported, `excluded_fields[${i}].api_name`);
    },
  );

const restrictedActionsOf = (value: unknown): string[] =>
  parseOr(z.array(z.unknown()), value, 'restricted_actions').map((a, i) =>
    RESTRICTED_ACTIONS.some((known) => known === a)
      ? String(a)
      : refuse(ERRORS.actionNotFound, `restricted_actions[${i}]`, { supported_values: [...RESTRICTED_ACTIONS] }),
  );

const restrictedCommunicationsOf = (value: unknown): string[] | null =>
  value === null
    ? null
    : parseOr(z.array(z.unknown()), value, 'restricted_communications').map((c, i) =>
        RESTRICTED_COMMUNICATIONS.some((known) => known === c)
          ? String(c)
          : refuse(ERRORS.communicationNotFound, `restricted_communications[${i}]`, {
              supported_values: [...RESTRICTED_COMMUNICATIONS],
            }),
      );

const restrictedButtonsOf = (state: EmulatorState, module: ModuleMeta, value: unknown): ConfigurationState['restricted_custom_buttons'] =>
  value === null
    ? null
    : limited(
        parseOr(z.array(Ref), value, 'restricted_custom_buttons'),
        LIMITS.buttons,
        ERRORS.buttonsLimit,
        'restricted_custom_buttons',
      ).map((ref, i) => {
        const button = state.customButtons.find((b) => b.module === module.apiName && b.id === ref.id);
        return button ? { name: button.name, id: button.id } : refuse(ERRORS.buttonNotFound, `restricted_custom_buttons[${i}]`);
      });

export interface ConfigurationDraft {
  configuration: ConfigurationState;
  /** Rules saved with lock_existing_records: their matching records get locked now. */
  lockExisting: LockingRuleState[];
  /** Rules removed by `_delete`: their automatic locks are released. */
  deletedRuleIds: string[];
}

/**
 * Each part is checked when the input gives it, else kept from `base` (a PUT changes only what it
 * names), else Zoho's default for a new configuration.
 */
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
  const lockType = has('lock_type') ? lockTypeOf(input['lock_type']) : (base?.lock_type ?? 'manual');
  if (has('feature_type') && input['feature_type'] !== 'record_locking') {
    refuse(ERRORS.featureTypeNotFound, 'feature_type', { supported_values: ['record_locking'] });
  }
  const lockedFor = has('locked_for') ? lockedForOf(input['locked_for']) : (base?.locked_for ?? 'all_profiles');
  const profiles = has('lock_excluded_profiles')
    ? excludedProfilesOf(state, input['lock_excluded_profiles'])
    : (base?.lock_excluded_profiles ?? []);
  if (lockedFor === 'all_profiles_except_excluded_profiles' && profiles.length === 0) {
    refuseWithout(ERRORS.excludedProfilesMissing, 'lock_excluded_profiles', 'locked_for');
  }
  const excludedFields = has('excluded_fields') ? excludedFieldsOf(module, input['excluded_fields']) : (base?.excluded_fields ?? []);
  const actions = has('restricted_actions') ? restrictedActionsOf(input['restricted_actions']) : (base?.restricted_actions ?? []);
  // Zoho always restricts "update" on a locked record.
  const restrictedActions = actions.includes('update') ? [...new Set(actions)] : ['update', ...new Set(actions)];
  const communications = has('restricted_communications')
    ? restrictedCommunicationsOf(input['restricted_communications'])
    : (base?.restricted_communications ?? null);
  const buttons = has('restricted_custom_buttons')
    ? restrictedButtonsOf(state, module, input['restricted_custom_buttons'])
    : (base?.restricted_custom_buttons ?? null);
  const portal = has('lock_for_portal_users')
    ? parseOr(z.boolean(), input['lock_for_portal_users'], 'lock_for_portal_users')
    : (base?.lock_for_portal_users ?? true);
  const { rules, touched, deleted } = has('locking_rules')
    ? mergeRules(state, module, base?.locking_rules ?? [], input['locking_rules'])
    : { rules: base?.locking_rules ?? [], touched: [], deleted: [] };
  if (lockType !== 'manual' && rules.length === 0) refuseWithout(ERRORS.rulesMissing, 'locking_rules', 'lock_type');

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
