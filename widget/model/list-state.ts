import { computed, signal } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import { defaultReasonMaxLength } from '../crm/reason';
import type { SelectedRecord } from '../crm/selected-records';
import type { Lock } from '../crm/types';
import type { CurrentUser } from '../host/host';
import type { SelectionRefusal } from './list-selection';
import type { ListFacts } from './list-start';
import { permissionsFor } from './permissions';
import type { DeniedReason, Permission } from './permissions';
import { createReasonDraft } from './reason-draft';
import type { ReasonDraft } from './reason-draft';
import type { LockSettings } from './settings-cache';

/** What the list page knows of the selection and the module, and what the shared rules make of it. */
export interface ListState {
  facts: Signal<ListFacts | null>;
  settings: Signal<LockSettings | null>;
  module: ReadonlySignal<string | null>;
  /** The ids Zoho's PageLoad named, in the list's order. */
  selected: ReadonlySignal<readonly string[]>;
  /** Why the selection was refused before any call; null when it was taken. */
  refusal: ReadonlySignal<SelectionRefusal | null>;
  /** The selected records Zoho shows the viewer, with their names, in the list's order. */
  records: ReadonlySignal<SelectedRecord[]>;
  /** Selected ids Zoho shows the viewer no record of this module for. */
  missing: ReadonlySignal<string[]>;
  /** Whether the viewer may lock these records by hand: the record panel's rule for an unlocked record. */
  lockPermission: ReadonlySignal<Permission | null>;
  /** Why these records cannot be locked by hand; null when they may be (Zoho decides in the end). */
  lockDenied: ReadonlySignal<DeniedReason | null>;
  /** Whether the viewer may look for locks of their own to unlock among the selection. */
  unlockOffered: ReadonlySignal<boolean>;
  /** The one reason for every record; it stays when it is refused or a run fails. */
  draft: ReasonDraft;
  /** The optional reason of an unlock of the viewer's own locks. */
  unlockDraft: ReasonDraft;
  /** Whether `lock` is the viewer's own manual lock, which the shared rules let them unlock. */
  mayUnlock(lock: Lock): boolean;
}

export function createListState(user: ReadonlySignal<CurrentUser | null>): ListState {
  const facts = signal<ListFacts | null>(null);
  const settings = signal<LockSettings | null>(null);
  const records = computed(() => (facts.value?.refusal === null ? facts.value.records : []));
  const permissions = (lock: Lock | null) => {
    const viewer = user.value;
    const known = settings.value;
    if (!viewer || !known) return null;
    return permissionsFor({ profileId: viewer.profile.id, lockPermission: known.lockPermission, configuration: known.configuration, lock, hold: 'none' });
  };
  const lockPermission = computed(() => permissions(null)?.lock ?? null);
  const maxLength = computed(() => settings.value?.maxLength ?? defaultReasonMaxLength);
  return {
    facts,
    settings,
    module: computed(() => facts.value?.module ?? null),
    selected: computed(() => facts.value?.selected ?? []),
    refusal: computed(() => facts.value?.refusal ?? null),
    records,
    missing: computed(() => {
      const found = new Set(records.value.map((record) => record.id));
      return facts.value?.refusal === null ? facts.value.selected.filter((id) => !found.has(id)) : [];
    }),
    lockPermission,
    lockDenied: computed(() => {
      const permission = lockPermission.value;
      return permission && !permission.allowed ? permission.reason : null;
    }),
    unlockOffered: computed(() => settings.value?.configuration != null && settings.value.lockPermission !== 'denied'),
    draft: createReasonDraft(maxLength),
    unlockDraft: createReasonDraft(maxLength),
    mayUnlock: (lock) => lock.lockedBy?.id === user.value?.id && permissions(lock)?.unlock.allowed === true,
  };
}
