import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Emulator } from '../../../server/emulator/index';
import { connectPanel } from '../../../widget/connect-panel';
import type { KeyValueStore } from '../../../widget/host/storage';
import { createLockModel } from '../../../widget/model/lock-model';
import { linkActivity } from '../../../widget/model/activity-link';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { demoIdentity, type DemoUserKey } from '../../support/demo-users';
import { createMemoryHost } from '../../support/memory-host';
import { englishOnly } from '../model/build-model';

export interface OpenOptions {
  module?: string;
  /** Stands between the widget and the emulator, e.g. to change an answer. */
  handle?: (request: Request, emulator: Emulator) => Promise<Response>;
  now?: () => Date;
  /** The widget origin's storage, shared by the views of one browser; none by default. */
  store?: KeyValueStore;
}

/** The record panel with its unlock requests and history, over the memory host and the emulator, in English. */
export async function openWithActivity(emulator: Emulator, who: DemoUserKey, recordId: string, options: OpenOptions = {}) {
  const identity = demoIdentity(who);
  const handle = options.handle ? (request: Request) => options.handle!(request, emulator) : emulator.handle;
  const host = createMemoryHost({
    handle,
    page: { module: options.module ?? 'Deals', recordId },
    user: { ...identity.user, locale: 'en_US' },
    tokens: identity.tokens,
  });
  const now = options.now ?? (() => new Date());
  const { store } = options;
  const model = createLockModel({ host, connect: async () => connectPanel, loadMessages: englishOnly, now, store });
  const user = userEvent.setup();
  render(<LockPanel model={model} activity={linkActivity({ host, model, now, store }).activity} />);
  await model.start();
  await screen.findByRole('status', { name: 'Lock status' });
  await screen.findByRole('button', { name: 'Show history' });
  return { host, model, user };
}

/** The calls the widget made, as "METHOD path" with the API domain left out. */
export const callLines = (calls: { method: string; url: string }[]) =>
  calls.map(({ method, url }) => `${method} ${new URL(url).pathname.replace('/crm/v8', '')}`);
