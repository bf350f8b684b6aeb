import { batch, computed, signal } from '@preact/signals-core';
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import { defaultReasonMaxLength } from '../crm/reason';
import type { LockingConfiguration, LockPermission } from '../crm/types';
import type { LockSettings } from './settings-cache';

/** The chosen module's settings, as the tab's rows and forms use them. */
export interface TabSettings {
  /** The chosen module's configuration; null while unknown or when it has none. */
  configuration: ReadonlySignal<LockingConfiguration | null>;
  lockPermission: Signal<LockPermission>;
  maxLength: ReadonlySignal<number>;
  /** Shows a module's settings, if it is still the chosen one. */
  show(module: string, settings: LockSettings): void;
}

export function createTabSettings(chosen: ReadonlySignal<string | null>): TabSettings {
  const shown = signal<{ module: string; configuration: LockingConfiguration | null } | null>(null);
  const lockPermission = signal<LockPermission>('unknown');
  const maxLength = signal(defaultReasonMaxLength);
  return {
    configuration: computed(() => (shown.value?.module === chosen.value ? (shown.value?.configuration ?? null) : null)),
    lockPermission,
    maxLength,
    show(module, settings) {
      if (chosen.value !== module) return;
      batch(() => {
        shown.value = { module, configuration: settings.configuration };
        lockPermission.value = settings.lockPermission;
        maxLength.value = settings.maxLength;
      });
    },
  };
}
