/**
 * A few remembered choices (the Web Tab's module and filters) in the browser's storage. Storage may
 * be missing, full or refused in a frame (privacy settings): then nothing is remembered, and
 * nothing fails.
 */
export interface LocalStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Every key is prefixed, so the extension never reads another app's entry on the same origin. */
const PREFIX = 'recordLock.';

export function createLocalStore(window: Window): LocalStore {
  const storage = (): Storage | null => {
    try {
      return window.localStorage;
    } catch {
      // reading localStorage itself throws when the browser refuses storage to the frame
      return null;
    }
  };
  return {
    get(key) {
      try {
        return storage()?.getItem(PREFIX + key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        storage()?.setItem(PREFIX + key, value);
      } catch {
        // full or refused: the choice is simply not remembered
      }
    },
  };
}

/** A store in memory, for tests and for a page where nothing should be remembered. */
export function createMemoryStore(entries: Record<string, string> = {}): LocalStore & { entries: Record<string, string> } {
  return {
    entries,
    get: (key) => entries[key] ?? null,
    set: (key, value) => void (entries[key] = value),
  };
}
