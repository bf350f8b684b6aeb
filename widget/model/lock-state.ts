import { batch, computed, signal } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { Lock, LockingConfiguration, LockPermission, RecordHold, RecordRef } from '../crm/types';
import type { Failure } from './failure';
import type { LockAction } from './lock-session';
import { ruleNameOf } from './lock-rules';
import type { PageCore } from './page-core';
import { permissionsFor } from './permissions';
import type { Permissions } from './permissions';
import type { Notice, Settlement } from './races';
import { createReasonDraft } from './reason-draft';
import type { ReasonDraft } from './reason-draft';
import type { LockSettings } from './settings-cache';
import { defaultReasonMaxLength } from '../crm/reason';

/** What the record panel shows of one record's lock, and what the viewer is doing with it. */
export interface LockState {
  record: Signal<RecordRef | null>;
  recordName: Signal<string | null>;
  recordOwner: Signal<{ id: string; name: string } | null>;
  configuration: Signal<LockingConfiguration | null>;
  lock: Signal<Lock | null>;
  hold: Signal<RecordHold>;
  lockPermission: Signal<LockPermission>;
  maxLength: Signal<number>;
  inFlight: Signal<LockAction | null>;
  /** A background re-read is running; the known state stays on screen meanwhile. */
  refreshing: Signal<boolean>;
  error: Signal<Failure | null>;
  notice: Signal<Notice | null>;
  form: Signal<LockAction | null>;
  draft: ReasonDraft;
  /** null until the page has started. */
  permissions: ReadonlySignal<Permissions | null>;
  ruleName: ReadonlySignal<string | null>;
  /** Shows what a change, or its failure, turned out to mean; fields a settlement leaves out stay. */
  apply(settlement: Settlement): void;
  showSettings(settings: LockSettings): void;
}

export function createLockState(core: PageCore): LockState {
  const configuration = signal<LockingConfiguration | null>(null);
  const lock = signal<Lock | null>(null);
  const hold = signal<RecordHold>('none');
  const lockPermission = signal<LockPermission>('unknown');
  const maxLength = signal(defaultReasonMaxLength);
  const error = signal<Failure | null>(null);
  const notice = signal<Notice | null>(null);
  const form = signal<LockAction | null>(null);
  const draft = createReasonDraft(maxLength);
  const permissions = computed(() => {
    const viewer = core.user.value;
    if (core.phase.value !== 'ready' || viewer === null) return null;
    return permissionsFor({
      profileId: viewer.profile.id,
      lockPermission: lockPermission.value,
      configuration: configuration.value,
      lock: lock.value,
      hold: hold.value,
    });
  });

  function apply(settlement: Settlement): void {
    batch(() => {
      if (settlement.lock !== undefined) lock.value = settlement.lock;
      if (settlement.configuration !== undefined) configuration.value = settlement.configuration;
      if (settlement.lockPermission !== undefined) lockPermission.value = settlement.lockPermission;
      if (settlement.hold !== undefined) hold.value = settlement.hold;
      notice.value = settlement.notice ?? null;
      error.value = settlement.failure ?? null;
      if (settlement.succeeded) {
        // Our lock carries an earlier reason: the text typed since stays, in the form that saves it.
        form.value = settlement.reasonUnsaved && permissions.value?.editReason.allowed ? 'editReason' : null;
        if (!form.value) draft.set('');
      } else if (form.value === 'unlock' && settlement.notice) {
        // Someone else changed the lock: the confirmation was given for a lock that is gone.
        form.value = null;
      }
      // A reason form stays open after any failure, so what was typed stays in view.
    });
  }

  return {
    record: signal<RecordRef | null>(null),
    recordName: signal<string | null>(null),
    recordOwner: signal<{ id: string; name: string } | null>(null),
    configuration,
    lock,
    hold,
    lockPermission,
    maxLength,
    inFlight: signal<LockAction | null>(null),
    refreshing: signal(false),
    error,
    notice,
    form,
    draft,
    permissions,
    ruleName: computed(() => ruleNameOf(configuration.value, lock.value)),
    apply,
    showSettings(settings) {
      batch(() => {
        configuration.value = settings.configuration;
        lockPermission.value = settings.lockPermission;
        maxLength.value = settings.maxLength;
      });
    },
  };
}
