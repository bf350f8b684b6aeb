import { describe, expect, it } from 'vitest';
import { createLocalStore } from '../../../widget/host/storage';

/** A window whose localStorage is a plain map, or throws as private windows and disabled storage do. */
function windowWith(storage: () => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): Window {
  return {
    get localStorage() {
      return storage();
    },
  } as unknown as Window;
}

function mapStorage(entries = new Map<string, string>()) {
  return {
    getItem: (key: string) => entries.get(key) ?? null,
    setItem: (key: string, value: string) => void entries.set(key, value),
    removeItem: (key: string) => void entries.delete(key),
  };
}

describe('createLocalStore', () => {
  it('keeps, reads and removes strings in localStorage', () => {
    const entries = new Map<string, string>();
    const store = createLocalStore(windowWith(() => mapStorage(entries)));
    store.set('a', '1');
    expect(store.get('a')).toBe('1');
    expect(entries.get('a')).toBe('1');
    store.remove('a');
    expect(store.get('a')).toBeNull();
  });

  it('reads as empty and drops writes when touching localStorage throws', () => {
    const store = createLocalStore(
      windowWith(() => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }),
    );
    expect(() => store.set('a', '1')).not.toThrow();
    expect(store.get('a')).toBeNull();
    expect(() => store.remove('a')).not.toThrow();
  });

  it('reads as empty and drops writes when each method throws (full quota, disabled storage)', () => {
    const store = createLocalStore(
      windowWith(() => ({
        getItem: () => {
          throw new Error('disabled');
        },
        setItem: () => {
          throw new DOMException('quota', 'QuotaExceededError');
        },
        removeItem: () => {
          throw new Error('disabled');
        },
      })),
    );
    expect(() => store.set('a', '1')).not.toThrow();
    expect(store.get('a')).toBeNull();
    expect(() => store.remove('a')).not.toThrow();
  });
});
