/** Reading the emulator's snapshot the way the reference model needs it. */
import type { Criteria, EmulatorState, LockState } from '../../server/emulator/state';

export const pick = <T>(list: readonly T[], index: number): T => {
  const item = list[index % list.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

export const configurationOf = (state: EmulatorState, module: string) =>
  state.configurations.find((c) => c.module === module);

export const lockOf = (state: EmulatorState, module: string, recordId: string): LockState | undefined =>
  state.locks.find((l) => l.module === module && l.recordId === recordId);

export const recordOf = (state: EmulatorState, module: string, recordId: string) =>
  state.records[module]?.find((r) => r.id === recordId);

/** The locks other than those of one record, for "nothing else changed" checks. */
export const otherLocks = (state: EmulatorState, module: string, recordId?: string): LockState[] =>
  state.locks.filter((l) => !(l.module === module && (recordId === undefined || l.recordId === recordId)));

/** Only plain comparisons of one field appear in the runs (the seed's rule and the generated ones). */
export const criteriaHold = (criteria: Criteria, fields: Record<string, unknown>): boolean => {
  if ('group_operator' in criteria) {
    const results = criteria.group.map((c) => criteriaHold(c, fields));
    return criteria.group_operator === 'AND' ? results.every(Boolean) : results.some(Boolean);
  }
  const value = fields[criteria.field.api_name];
  switch (criteria.comparator) {
    case 'equal':
      return value === criteria.value;
    case 'not_equal':
      return value !== criteria.value;
    case 'greater_than':
      return typeof value === 'number' && typeof criteria.value === 'number' && value > criteria.value;
    case 'less_than':
      return typeof value === 'number' && typeof criteria.value === 'number' && value < criteria.value;
  }
};

/** Whether the configuration's restrictions hold for this profile (not exempt). */
export const boundBy = (state: EmulatorState, module: string, profileId: string): boolean => {
  const configuration = configurationOf(state, module);
  return !(
    configuration?.locked_for === 'all_profiles_except_excluded_profiles' &&
    configuration.lock_excluded_profiles.some((p) => p.id === profileId)
  );
};
