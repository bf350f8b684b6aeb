import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Emulator } from '../../../../server/emulator/index';
import { tabCode } from '../../../../widget/connect-tab';
import { createMemoryStore, type KeyValueStore } from '../../../../widget/host/storage';
import { createLockedRecordsModel } from '../../../../widget/model/locked-records-model';
import { OverviewPage } from '../../../../widget/ui/overview/overview-page';
import { demoIdentity, type DemoUserKey } from '../../../support/demo-users';
import { createMemoryHost } from '../../../support/memory-host';
import { englishOnly } from '../../model/build-model';

export interface OverviewOptions {
  stored?: Record<string, string>;
  /** The widget origin's storage, e.g. the one an earlier view of the tab filled. */
  store?: KeyValueStore;
  /** Stands between the widget and the emulator, e.g. to change one answer. */
  handle?: (request: Request) => Promise<Response>;
}

/** The Web Tab for a demo user over the emulator, started and shown. */
export async function openOverview(emulator: Emulator, who: DemoUserKey, options: OverviewOptions = {}) {
  const identity = demoIdentity(who);
  const memory = createMemoryHost({
    handle: options.handle ?? emulator.handle,
    page: { module: 'Deals', recordId: '0' },
    user: identity.user,
    tokens: identity.tokens,
  });
  const opened: { module: string; recordId: string }[] = [];
  const host = {
    ...memory,
    tabContext: async () => undefined,
    openRecord: async (record: { module: string; recordId: string }) => void opened.push(record),
  };
  const store = options.store ?? createMemoryStore(new Map(Object.entries(options.stored ?? {})));
  const model = createLockedRecordsModel({
    host,
    code: async () => tabCode,
    loadMessages: englishOnly,
    store,
    now: () => new Date(),
  });
  // A second view in one test replaces the first, as a reload would.
  document.body.replaceChildren();
  render(<OverviewPage model={model} />, { container: document.body.appendChild(document.createElement('main')) });
  await model.start();
  return { model, calls: memory.calls, failNext: memory.failNext, store, opened, user: userEvent.setup() };
}

/** The table's body rows as text per cell, spaces normalised. */
export function tableRows(): string[][] {
  const table = screen.getByRole('table', { name: 'Locked records' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).queryAllByRole('cell').map((cell) => (cell.textContent ?? '').replace(/\s/g, ' ').trim()));
}

/** A request to the emulator as a demo user, as another person's browser would make it. */
export async function callAs(emulator: Emulator, who: DemoUserKey, method: string, path: string, body?: unknown) {
  const { tokens } = demoIdentity(who);
  const response = await emulator.handle(
    new Request(`http://localhost/crm/v8${path}`, {
      method,
      headers: { Authorization: `Zoho-oauthtoken ${tokens.user}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return response.status === 204 ? null : ((await response.json()) as { data: { id: string }[] });
}
