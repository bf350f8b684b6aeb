/**
 * The commands a property run sends: locking, configuration and record changes and reads, each by
 * one actor, optionally with a fault injected through the emulator's X-Emulator-Fault header
 * (a server error, a lost call, or an API limit met).
 * Indexes (record, field, value, rule) are resolved against the org when the command runs, so
 * shrinking keeps them meaningful.
 */
import fc from 'fast-check';
import { MODULE_NAMES, type Actor, type ModuleName } from './org-under-test';

export type Fault = 'none' | 'error' | 'drop' | 'drop-after' | 'credits' | 'concurrency';
export type LockRef = 'current' | 'stale';
export type LockTypeChoice = 'manual' | 'automatic' | 'both';

interface Base {
  actor: Actor;
  module: ModuleName;
  fault: Fault;
}

export type Command = Base &
  (
    | { kind: 'lock'; record: number; reason: string }
    | { kind: 'editReason'; record: number; lockRef: LockRef; reason: string }
    | { kind: 'unlock'; record: number; lockRef: LockRef }
    | { kind: 'readLock'; record: number }
    | { kind: 'readRecord'; record: number }
    | { kind: 'updateRecord'; record: number; change: readonly (readonly [number, number])[] }
    | { kind: 'readConfiguration' }
    | { kind: 'addRule'; name: number; value: number; lockExisting: boolean }
    | { kind: 'removeRule'; rule: number }
    | { kind: 'setLockType'; lockType: LockTypeChoice }
    | { kind: 'deleteConfiguration'; idInPath: boolean }
    | { kind: 'createConfiguration'; lockType: LockTypeChoice; withRule: boolean; value: number }
    | { kind: 'setExcludedProfiles'; profiles: readonly number[] }
    | { kind: 'setExcludedFields'; fields: readonly number[] }
  );

export type CommandKind = Command['kind'];

/** Reasons as people type them, plus blanks, over-long text and markup. */
export const reasonArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\n\t') },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(3001), '😀'.repeat(3000), '<script>alert(1)</script>') },
);

const lockTypeArbitrary = fc.constantFrom<LockTypeChoice>('manual', 'automatic', 'both');

const base = {
  // The administrator and the reps do most of the work; the intern and the narrow token mostly get refused.
  actor: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<Actor>('admin', 'rep') },
    { weight: 2, arbitrary: fc.constant<Actor>('manager') },
    { weight: 1, arbitrary: fc.constantFrom<Actor>('intern', 'narrowScope') },
  ),
  module: fc.constantFrom<ModuleName>(...MODULE_NAMES),
  fault: fc.oneof(
    { weight: 12, arbitrary: fc.constant<Fault>('none') },
    { weight: 1, arbitrary: fc.constantFrom<Fault>('error', 'drop', 'drop-after', 'credits', 'concurrency') },
  ),
};

const index = fc.nat({ max: 31 });

const kinds = {
  lock: fc.record({ kind: fc.constant('lock' as const), record: index, reason: reasonArbitrary }),
  editReason: fc.record({
    kind: fc.constant('editReason' as const),
    record: index,
    lockRef: fc.constantFrom<LockRef>('current', 'current', 'stale'),
    reason: reasonArbitrary,
  }),
  unlock: fc.record({
    kind: fc.constant('unlock' as const),
    record: index,
    lockRef: fc.constantFrom<LockRef>('current', 'current', 'stale'),
  }),
  readLock: fc.record({ kind: fc.constant('readLock' as const), record: index }),
  readRecord: fc.record({ kind: fc.constant('readRecord' as const), record: index }),
  updateRecord: fc.record({
    kind: fc.constant('updateRecord' as const),
    record: index,
    change: fc.array(fc.tuple(index, index), { minLength: 1, maxLength: 2 }),
  }),
  readConfiguration: fc.record({ kind: fc.constant('readConfiguration' as const) }),
  addRule: fc.record({ kind: fc.constant('addRule' as const), name: fc.nat({ max: 6 }), value: index, lockExisting: fc.boolean() }),
  removeRule: fc.record({ kind: fc.constant('removeRule' as const), rule: fc.nat({ max: 6 }) }),
  setLockType: fc.record({ kind: fc.constant('setLockType' as const), lockType: lockTypeArbitrary }),
  deleteConfiguration: fc.record({ kind: fc.constant('deleteConfiguration' as const), idInPath: fc.boolean() }),
  createConfiguration: fc.record({
    kind: fc.constant('createConfiguration' as const),
    lockType: lockTypeArbitrary,
    withRule: fc.boolean(),
    value: index,
  }),
  setExcludedProfiles: fc.record({
    kind: fc.constant('setExcludedProfiles' as const),
    profiles: fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 3 }),
  }),
  setExcludedFields: fc.record({
    kind: fc.constant('setExcludedFields' as const),
    fields: fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 4 }),
  }),
};

const weighted = (weight: number, arbitrary: fc.Arbitrary<object>) => ({
  weight,
  arbitrary: fc.tuple(fc.record(base), arbitrary).map(([b, k]) => ({ ...b, ...k }) as Command),
});

/** Mostly lock traffic and record changes, with enough configuration churn to move the rules. */
export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  weighted(5, kinds.lock),
  weighted(3, kinds.editReason),
  weighted(4, kinds.unlock),
  weighted(2, kinds.readLock),
  weighted(1, kinds.readRecord),
  weighted(5, kinds.updateRecord),
  weighted(1, kinds.readConfiguration),
  weighted(2, kinds.addRule),
  weighted(1, kinds.removeRule),
  weighted(2, kinds.setLockType),
  weighted(1, kinds.deleteConfiguration),
  weighted(1, kinds.createConfiguration),
  weighted(1, kinds.setExcludedProfiles),
  weighted(1, kinds.setExcludedFields),
);
