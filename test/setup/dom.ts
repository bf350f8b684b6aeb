import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll } from 'vitest';
import * as overviewParts from '../../widget/ui/overview/overview-parts';
import * as panelParts from '../../widget/ui/panel-parts';

// The panel's parts load on demand in the page; component tests start with their code here, so a
// form opens in the same render as in a warm page. test/widget/ui/on-demand.test.tsx covers the loading itself.
beforeAll(async () => {
  await Promise.all([...Object.values(panelParts), ...Object.values(overviewParts)].map((part) => ('load' in part ? part.load() : undefined)));
});

afterEach(() => cleanup());
