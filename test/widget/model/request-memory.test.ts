import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore, type KeyValueStore } from '../../../widget/host/storage';
import { createRequestMemory } from '../../../widget/model/request-memory';

/** What the memory promises (README): a request is remembered 30 days, for at most 100 records. */
const REQUEST_MEMORY_TTL_MS = 30 * 24 * 60 * 60_000;
const REQUEST_MEMORY_MAX_RECORDS = 100;

const scope = { orgId: '1', apiDomain: 'https://www.zohoapis.com', userId: '42' };
const T0 = new Date('2026-02-01T15:00:00Z').getTime();

let entries: Map<string, string>;
let store: KeyValueStore;
let clock: number;
beforeEach(() => {
  entries = new Map();
  store = createMemoryStore(entries);
  clock = T0;
});

const memoryOf = (recordId: string, userScope = scope) =>
  createRequestMemory({ store, now: () => clock, scope: userScope, record: { module: 'Deals', recordId } });

describe('request memory', () => {
  it('recalls the ids remembered for a record, and nothing for another record or user', () => {
    memoryOf('1001').remember(['7001', '7002']);
    expect(memoryOf('1001').recall()).toEqual(['7001', '7002']);
    expect(memoryOf('1002').recall()).toEqual([]);
    expect(memoryOf('1001', { ...scope, userId: '43' }).recall()).toEqual([]);
  });

  it('forgets a record when none are left open, keeping the others, and leaves no entry once all are gone', () => {
    memoryOf('1001').remember(['7001']);
    memoryOf('1002').remember(['7002']);
    memoryOf('1001').remember([]);
    expect(memoryOf('1001').recall()).toEqual([]);
    expect(memoryOf('1002').recall()).toEqual(['7002']);
    memoryOf('1002').remember([]);
    expect(entries.size).toBe(0);
  });

  it('forgets a record after its time to live, and one dated in the future', () => {
    memoryOf('1001').remember(['7001']);
    clock += REQUEST_MEMORY_TTL_MS;
    expect(memoryOf('1001').recall()).toEqual(['7001']);
    clock += 1;
    expect(memoryOf('1001').recall()).toEqual([]);
    clock = T0 - 1;
    expect(memoryOf('1001').recall()).toEqual([]);
  });

  it('keeps at most the most recently written records, forgetting the oldest first', () => {
    for (let i = 0; i <= REQUEST_MEMORY_MAX_RECORDS; i++) {
      clock = T0 + i;
      memoryOf(String(1000 + i)).remember([String(7000 + i)]);
    }
    expect(memoryOf('1000').recall()).toEqual([]);
    expect(memoryOf('1001').recall()).toEqual(['7001']);
    expect(memoryOf(String(1000 + REQUEST_MEMORY_MAX_RECORDS)).recall()).toEqual([String(7000 + REQUEST_MEMORY_MAX_RECORDS)]);
  });
});
