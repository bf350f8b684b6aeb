import type { Signal } from '@preact/signals-core';
import type { LockingConfiguration } from '../crm/types';
import type { KeyValueStore } from '../host/storage';
import type { ModuleScan } from './module-list';
import type { LockedList } from './locked-list';
import type { LockSettings } from './settings-cache';
import type { TabSession } from './tab-session';

// Prefixed like the settings cache's keys, so the extension never reads another app's entry on the same origin.
const STORED_MODULE = 'recordlock.overview.module';

/** The tab's module picker and the chosen module's settings. */
export interface TabModules {
  /**
   * Chooses the module to show first and starts its list; `shown` settles with its first screen.
   * A failure: no candidate's configuration could be read.
   */
  chooseFirst(): Promise<{ failure: unknown; shown: Promise<unknown> }>;
  /** Reads the configurations the picker still lacks: after the first screen, or when the picker opens. */
  completeLater(): void;
  choose(name: string): Promise<void>;
  /** Zoho contradicted the module's cached settings, and with `modulesToo` the module list: read them again. */
  forget(name: string, modulesToo: boolean): void;
}

export interface TabModulesDependencies {
  session: () => TabSession | null;
  store: KeyValueStore;
  list: LockedList;
  /** The picker's modules and the chosen one, which the tab's store shows. */
  names: Signal<string[]>;
  module: Signal<string | null>;
  /** Every module the picker may offer, in the order Zoho lists them. */
  candidates: readonly string[];
  showSettings(module: string, settings: LockSettings): void;
}

/** Part of the code fetched as the tab starts (tab-sources.ts), beside Zoho's PageLoad. */
export function createTabModules({ session, store, list, names, module, candidates, showSettings }: TabModulesDependencies): TabModules {
  /** What this view knows of each candidate's configuration; `complete` once every one is current. */
  let scan: ModuleScan = new Map();
  let complete = false;
  let completing: Promise<void> | null = null;

  /**
   * Shows a module's settings: cached ones at once (a stale entry read again behind them), else
   * read from Zoho, with its configuration when the scan just read it. null: they could not be read.
   */
  async function useSettingsOf(name: string, known?: LockingConfiguration | null): Promise<LockSettings | null> {
    const source = session()?.sources.settingsOf(name);
    if (!source) return null;
    const cached = source.cached();
    if (cached) showSettings(name, cached.settings);
    if (cached?.fresh) return cached.settings;
    try {
      const read = await source.read(known);
      showSettings(name, read);
      return read;
    } catch {
      // Zoho still refuses what the profile may not do; the list shows without actions.
      return cached?.settings ?? null;
    }
  }

  function show(name: string | null): Promise<unknown> {
    module.value = name;
    return name ? Promise.all([list.load(name, 1), useSettingsOf(name, scan.get(name))]) : Promise.resolve();
  }

  /** A returning viewer's module: its list is searched at once, beside its settings. */
  async function rememberedFirst(remembered: string): Promise<{ shown: Promise<unknown> } | null> {
    module.value = remembered;
    const early = list.load(remembered, 1);
    const read = await useSettingsOf(remembered);
    if (read) scan = new Map([[remembered, read.configuration]]);
    if (!read?.configuration) return null;
    names.value = [remembered];
    return { shown: early };
  }

  async function chooseFirst(): Promise<{ failure: unknown; shown: Promise<unknown> }> {
    const sources = session()?.sources;
    if (!sources) return { failure: null, shown: Promise.resolve() };
    const remembered = store.get(STORED_MODULE);
    const cached = sources.modules.cached();
    if (cached) {
      names.value = cached.settings;
      complete = cached.fresh;
      return { failure: null, shown: show(remembered && cached.settings.includes(remembered) ? remembered : (cached.settings[0] ?? null)) };
    }
    if (remembered && candidates.includes(remembered)) {
      const early = await rememberedFirst(remembered);
      if (early) return { failure: null, shown: early.shown };
    }
    const first = await sources.firstConfigured(scan);
    if (first.module === null && first.failure) return { failure: first.failure, shown: Promise.resolve() };
    scan = first.scan;
    complete = first.complete;
    names.value = first.modules;
    return { failure: null, shown: show(first.module) };
  }

  function completeLater(): void {
    const sources = session()?.sources;
    if (!sources || complete || completing) return;
    completing = sources.modules.scan(candidates, scan).then(
      (read) => {
        scan = read;
        complete = read.size === candidates.length;
        names.value = sources.modules.configured(read);
        completing = null;
      },
      () => void (completing = null),
    );
  }

  return {
    chooseFirst,
    completeLater,
    async choose(name) {
      if (!names.value.includes(name) || name === module.value) return;
      store.set(STORED_MODULE, name);
      await show(name);
    },
    forget(name, modulesToo) {
      session()?.sources.forget(name, modulesToo);
      if (modulesToo) {
        scan = new Map();
        complete = false;
        completeLater();
      }
      void useSettingsOf(name);
    },
  };
}
