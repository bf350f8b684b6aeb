import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../widget/host/storage';
import { createRecentChanges, RECENT_CHANGE_MS } from '../../../widget/model/recent-changes';

const scope = { orgId: '5843104000000000001', apiDomain: 'https://www.zohoapis.com', userId: '5843104000000321003' };

function recentAt(start: number) {
  let clock = start;
  const store = createMemoryStore();
  const changes = createRecentChanges({ store, now: () => clock, scope });
  return { store, changes, pass: (ms: number) => void (clock += ms) };
}

describe('createRecentChanges', () => {
  it('keeps one change per record, the last, newest first, per module', () => {
    const { changes, pass } = recentAt(1_000_000);
    changes.note({ module: 'Deals', recordId: '1', name: 'Acme', locked: true });
    pass(1000);
    changes.note({ module: 'Leads', recordId: '2', name: 'Bob', locked: true });
    pass(1000);
    changes.note({ module: 'Deals', recordId: '1', name: 'Acme', locked: false });
    expect(changes.of('Deals')).toEqual([{ module: 'Deals', recordId: '1', name: 'Acme', locked: false, at: 1_002_000 }]);
    expect(changes.of('Leads').map((change) => change.recordId)).toEqual(['2']);
  });

  it('forgets a change once the search index has had its time, or when the clock was set back', () => {
    const { changes, pass } = recentAt(1_000_000);
    changes.note({ module: 'Deals', recordId: '1', name: 'Acme', locked: true });
    pass(RECENT_CHANGE_MS);
    expect(changes.of('Deals')).toHaveLength(1);
    pass(1);
    expect(changes.of('Deals')).toEqual([]);
    pass(-RECENT_CHANGE_MS - 10_000);
    expect(changes.of('Deals')).toEqual([]);
  });

  it('reads a store entry that is not JSON, or of another shape, as nothing, and replaces it', () => {
    const { store, changes } = recentAt(1_000_000);
    const key = `recordlock.recent:${scope.orgId}:${scope.userId}`;
    for (const junk of ['{not json', '{"changes":[]}', '[{"module":"Deals"}]']) {
      store.set(key, junk);
      expect(changes.of('Deals')).toEqual([]);
    }
    changes.note({ module: 'Deals', recordId: '1', name: 'Acme', locked: true });
    expect(changes.of('Deals')).toHaveLength(1);
  });

  it('keeps the fifty newest', () => {
    const { changes, pass } = recentAt(1_000_000);
    for (let id = 1; id <= 60; id++) {
      changes.note({ module: 'Deals', recordId: String(id), name: `Deal ${id}`, locked: false });
      pass(1);
    }
    const kept = changes.of('Deals').map((change) => change.recordId);
    expect(kept).toHaveLength(50);
    expect(kept[0]).toBe('60');
    expect(kept.at(-1)).toBe('11');
  });
});
