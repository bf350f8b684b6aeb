import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll } from 'vitest';
import { preloadLockChanges } from '../../widget/model/lock-model';
import * as panelParts from '../../widget/ui/panel-parts';

// The panel's parts and the lock changes load on demand in the page; component tests start with
// their code here, so a form opens and a change starts in the same turn as in a warm page. test/widget/ui/on-demand.test.tsx covers the loading itself.
beforeAll(async () => {
  await Promise.all([preloadLockChanges(), ...Object.values(panelParts).map((part) => ('load' in part ? part.load() : undefined))]);
});

afterEach(() => cleanup());
