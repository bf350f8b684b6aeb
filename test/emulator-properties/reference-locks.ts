/** The reference model of the Locking_Information__s calls: read, lock, edit the reason, unlock. */
import { expect } from 'vitest';
import type { Command } from './commands';
import { configurationOf, lockOf, otherLocks, pick, recordOf } from './org-state';
import { LOCKING_PROFILES, MODULES_UNDER_TEST, STALE_LOCK_ID } from './org-under-test';
import { outcome, SCOPE_MISMATCH, SUCCESS_200, unchanged, type Outcome, type Plan, type PlanContext } from './reference-model';

type LockCommand = Extract<Command, { kind: 'lock' | 'editReason' | 'unlock' | 'readLock' }>;

const REASON_LIMIT = 3000;
const FIELDS =
  'Locked_For__s,Locked_Reason__s,Lock_Source__s,Locked_Time__s,Locked_By__s,Record_Locking_Rule_Id__s,Record_Locking_Configuration_Id__s';

/** Zoho trims the reason, requires it, and counts its length in code points. */
const reasonProblem = (reason: string): Outcome | null => {
  const trimmed = reason.trim();
  if (trimmed === '') return outcome('MANDATORY_NOT_FOUND', 400);
  if ([...trimmed].length > REASON_LIMIT) return outcome('INVALID_DATA', 400);
  return null;
};

export const planLockCommand = (command: LockCommand, { before, identity, actor }: PlanContext): Plan => {
  const module = command.module;
  const recordId = pick(MODULES_UNDER_TEST[module].records, command.record);
  const configuration = configurationOf(before, module);
  const lock = lockOf(before, module, recordId);
  const record = recordOf(before, module, recordId);
  const mayLock = LOCKING_PROFILES.has(identity.profileId);
  const base = `/${module}/${recordId}/Locking_Information__s`;
  const lockId = 'lockRef' in command && command.lockRef === 'current' && lock ? lock.id : STALE_LOCK_ID;
  const refused = (expected: Outcome, request: Plan['request']): Plan => ({
    request,
    expected,
    verify: unchanged(before),
  });

  /** Zoho's common checks, in its order: scope, configuration, then the caller's permission. */
  const common = (needsPermission: boolean): Outcome | null => {
    if (actor === 'narrowScope') return SCOPE_MISMATCH;
    if (!configuration) return outcome('NOT_ALLOWED', 400);
    if (!record) return outcome('INVALID_DATA', 400);
    if (needsPermission && !mayLock) return outcome('NO_PERMISSION', 403);
    return null;
  };
  /** An edit or unlock names the record's lock, and only a purely manual lock may be changed by hand. */
  const manualLockProblem = (): Outcome | null =>
    (!lock || lock.id !== lockId ? outcome('INVALID_DATA', 400) : null) ??
    (lock?.source !== 'Manual' ? outcome('NOT_ALLOWED', 403) : null);

  switch (command.kind) {
    case 'readLock': {
      const request = { method: 'GET' as const, path: `${base}?fields=${FIELDS}` };
      const problem = common(false);
      if (problem) return refused(problem, request);
      return {
        request,
        expected: lock ? SUCCESS_200 : outcome('SUCCESS', 204),
        verify: (after, answer) => {
          unchanged(before)(after);
          if (!answer || !lock) return;
          expect(answer.body).toMatchObject({
            data: [
              {
                id: lock.id,
                Lock_Source__s: lock.source,
                Locked_Reason__s: lock.reason,
                Record_Locking_Rule_Id__s: lock.ruleId,
                Locked_By__s: lock.lockedById === null ? null : expect.objectContaining({ id: lock.lockedById }),
              },
            ],
          });
        },
      };
    }
    case 'lock': {
      const request = { method: 'POST' as const, path: base, body: { data: [{ Locked_Reason__s: command.reason }] } };
      const problem =
        common(true) ??
        reasonProblem(command.reason) ??
        (configuration?.lock_type === 'automatic' ? outcome('NOT_ALLOWED', 403) : null) ??
        (lock ? outcome('NOT_ALLOWED', 403) : null) ??
        (record?.ziaVisionProcessing ? outcome('RECORD_LOCKED', 400) : null) ??
        (record?.approvalState !== 'approved' ? outcome('NOT_APPROVED', 400) : null);
      if (problem) return refused(problem, request);
      return {
        request,
        expected: outcome('SUCCESS', 201),
        verify: (after, answer) => {
          const created = lockOf(after, module, recordId);
          expect(created).toMatchObject({
            source: 'Manual',
            reason: command.reason.trim(),
            lockedById: identity.userId,
            ruleId: null,
            configurationId: configuration?.id,
          });
          if (answer) expect(answer.body).toMatchObject({ data: [{ details: { id: created?.id } }] });
          expect(otherLocks(after, module, recordId)).toEqual(otherLocks(before, module, recordId));
        },
      };
    }
    case 'editReason': {
      const body = { data: [{ Locked_Reason__s: command.reason }] };
      const request = { method: 'PUT' as const, path: `${base}/${lockId}`, body };
      // The body is checked before the lock it names; only a purely manual lock has an editable reason.
      const problem =
        common(true) ??
        reasonProblem(command.reason) ??
        manualLockProblem();
      if (problem) return refused(problem, request);
      return {
        request,
        expected: SUCCESS_200,
        verify: (after) => {
          expect(lockOf(after, module, recordId)).toMatchObject({
            id: lock?.id,
            source: 'Manual',
            reason: command.reason.trim(),
            lockedById: lock?.lockedById,
          });
          expect(otherLocks(after, module, recordId)).toEqual(otherLocks(before, module, recordId));
        },
      };
    }
    case 'unlock': {
      const request = { method: 'DELETE' as const, path: `${base}/${lockId}` };
      const problem = common(true) ?? manualLockProblem();
      if (problem) return refused(problem, request);
      return {
        request,
        expected: SUCCESS_200,
        verify: (after) => {
          expect(lockOf(after, module, recordId)).toBeUndefined();
          expect(after.locks).toEqual(before.locks.filter((l) => l.id !== lock?.id));
        },
      };
    }
  }
};
