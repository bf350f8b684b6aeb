import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll } from 'vitest';
import { preloadLockChanges } from '../../widget/model/lock-model';
import { preloadRowChanges, preloadTabSources } from '../../widget/model/locked-records-model';
import * as overviewParts from '../../widget/ui/overview/overview-parts';
import * as panelParts from '../../widget/ui/panel-parts';

// The panel's and the overview's parts, the lock changes and the row changes load on demand in the page; component tests start with
// their code here, so a form opens and a change starts in the same turn as in a warm page. test/widget/ui/on-demand.test.tsx covers the loading itself.
beforeAll(async () => {
  await Promise.all([
    preloadLockChanges(),
    preloadRowChanges(),
    preloadTabSources(),
    ...[...Object.values(panelParts), ...Object.values(overviewParts)].map((part) => ('load' in part ? part.load() : undefined)),
  ]);
});

afterEach(() => cleanup());
