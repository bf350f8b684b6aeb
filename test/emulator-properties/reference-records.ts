/**
 * The reference model of record reads and changes: a locked record refuses changes to its
 * restricted fields for every profile the lock binds, accepts changes to excluded fields, and the
 * module's rules lock or release it after every change (a manual lock a rule also holds is "Both").
 */
import { expect } from 'vitest';
import type { EmulatorState, LockSource, LockState } from '../../server/emulator/state';
import type { Command } from './commands';
import { boundBy, configurationOf, criteriaHold, lockOf, otherLocks, pick, recordOf } from './org-state';
import { MODULES_UNDER_TEST } from './org-under-test';
import { outcome, SUCCESS_200, unchanged, type Plan, type PlanContext } from './reference-model';

type RecordCommand = Extract<Command, { kind: 'readRecord' | 'updateRecord' }>;

/** The field changes a command names; a later pair for the same field wins, as in a JSON object. */
const changeOf = (command: Extract<Command, { kind: 'updateRecord' }>): Record<string, unknown> => {
  const changes: Record<string, readonly unknown[]> = MODULES_UNDER_TEST[command.module].changes;
  const names = Object.keys(changes);
  const change: Record<string, unknown> = {};
  for (const [fieldIndex, valueIndex] of command.change) {
    const name = pick(names, fieldIndex);
    change[name] = pick(changes[name] ?? [], valueIndex);
  }
  return change;
};

/**
 * The lock a record should carry after a change, given the lock it had before: a matching rule
 * locks an unlocked record and joins a manual lock as "Both"; a rule-held lock keeps its rule while
 * that rule matches, else names the first rule that does; when no rule matches any more, an
 * automatic lock goes and a "Both" lock is manual again.
 */
const lockAfterChange = (
  before: EmulatorState,
  module: string,
  fields: Record<string, unknown>,
  current: LockState | undefined,
): { source: LockSource; ruleId: string | null } | null => {
  const configuration = configurationOf(before, module);
  const keep = current ? { source: current.source, ruleId: current.ruleId } : null;
  if (!configuration || configuration.lock_type === 'manual') return keep;
  const rule = configuration.locking_rules.find((r) => criteriaHold(r.criteria, fields));
  if (rule) {
    if (!current) return { source: 'Automatic', ruleId: rule.id };
    if (current.source === 'Manual') return { source: 'Both', ruleId: rule.id };
    const ownRuleHolds = configuration.locking_rules.some((r) => r.id === current.ruleId && criteriaHold(r.criteria, fields));
    return { source: current.source, ruleId: ownRuleHolds ? current.ruleId : rule.id };
  }
  if (current?.source === 'Automatic') return null;
  if (current?.source === 'Both') return { source: 'Manual', ruleId: null };
  return keep;
};

export const planRecordCommand = (command: RecordCommand, { before, identity }: PlanContext): Plan => {
  const module = command.module;
  const recordId = pick(MODULES_UNDER_TEST[module].records, command.record);
  const record = recordOf(before, module, recordId);
  const lock = lockOf(before, module, recordId);
  if (!record) throw new Error(`the runs never delete records, yet ${module} ${recordId} is gone`);

  if (command.kind === 'readRecord') {
    return {
      request: { method: 'GET', path: `/${module}/${recordId}?fields=Locked__s` },
      expected: SUCCESS_200,
      verify: (after, answer) => {
        unchanged(before)(after);
        if (answer) expect(answer.body).toMatchObject({ data: [{ id: recordId, Locked__s: lock !== undefined }] });
      },
    };
  }

  const change = changeOf(command);
  const request = { method: 'PUT' as const, path: `/${module}/${recordId}`, body: { data: [change] } };
  const excluded = new Set(configurationOf(before, module)?.excluded_fields.map((f) => f.api_name) ?? []);
  const changed = Object.keys(change).filter(
    (name) => JSON.stringify(record.fields[name] ?? null) !== JSON.stringify(change[name] ?? null),
  );
  const blocked = lock !== undefined && boundBy(before, module, identity.profileId) && changed.some((f) => !excluded.has(f));
  const refusal = record.ziaVisionProcessing
    ? outcome('RECORD_LOCKED', 400)
    : record.approvalState !== 'approved'
      ? outcome('NOT_APPROVED', 400)
      : blocked
        ? outcome('RECORD_LOCKED', 400)
        : null;
  if (refusal) return { request, expected: refusal, verify: unchanged(before) };

  const fields = { ...record.fields, ...change };
  const expectedLock = lockAfterChange(before, module, fields, lock);
  return {
    request,
    expected: SUCCESS_200,
    verify: (after) => {
      expect(recordOf(after, module, recordId)?.fields).toEqual(fields);
      const now = lockOf(after, module, recordId);
      if (expectedLock === null) expect(now).toBeUndefined();
      else expect(now).toMatchObject(expectedLock);
      // Whatever the rules did, a lock keeps its id, reason, locker and time.
      if (lock && now) expect({ ...now, source: lock.source, ruleId: lock.ruleId }).toEqual(lock);
      expect(otherLocks(after, module, recordId)).toEqual(otherLocks(before, module, recordId));
    },
  };
};
