/** The little of `localStorage` the widget uses: strings by key. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/**
 * The widget origin's `localStorage`, where one is usable. Private windows, full quotas and
 * disabled storage throw on access: here they read as empty and drop writes, so a missing store
 * means no cache, never an error.
 */
export function createLocalStore(window: Window): KeyValueStore {
  const attempt = <T>(use: (storage: Storage) => T, fallback: T): T => {
    try {
      return use(window.localStorage);
    } catch {
      // swallowed on purpose: see above
      return fallback;
    }
  };
  return {
    get: (key) => attempt((storage) => storage.getItem(key), null),
    set: (key, value) => attempt((storage) => storage.setItem(key, value), undefined),
    remove: (key) => attempt((storage) => storage.removeItem(key), undefined),
  };
}

/** A store that keeps nothing beyond its own life: for tests, and where the page offers none. */
export function createMemoryStore(entries = new Map<string, string>()): KeyValueStore {
  return {
    get: (key) => entries.get(key) ?? null,
    set: (key, value) => void entries.set(key, value),
    remove: (key) => void entries.delete(key),
  };
}
