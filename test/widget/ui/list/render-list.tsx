import { render } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Emulator } from '../../../../server/emulator/index';
import { connectList } from '../../../../widget/connect-list';
import type { HostRequest, ListHost } from '../../../../widget/host/host';
import { createMemoryStore, type KeyValueStore } from '../../../../widget/host/storage';
import { createListModel } from '../../../../widget/model/list-model';
import { ListPage } from '../../../../widget/ui/list/list-page';
import { demoIdentity, type DemoUserKey } from '../../../support/demo-users';
import { createMemoryHost, type MemoryHost } from '../../../support/memory-host';
import { englishOnly } from '../../model/build-model';

export interface ListOptions {
  module?: string;
  /** The widget origin's storage, e.g. the one an earlier popup filled. */
  store?: KeyValueStore;
  /** Stands between the page and the emulator, e.g. to change one answer or lose the connection. */
  handle?: (request: Request) => Promise<Response>;
  /** What Zoho answers when the page asks it to close its popup. */
  closes?: boolean;
}

/** The list view button's popup for a demo user and a selection, over the emulator, started and shown. */
export async function openList(emulator: Emulator, who: DemoUserKey, recordIds: string[], options: ListOptions = {}) {
  const identity = demoIdentity(who);
  const memory: MemoryHost = createMemoryHost({
    handle: options.handle ?? emulator.handle,
    page: { module: options.module ?? 'Deals', recordId: '0' },
    user: identity.user,
    tokens: identity.tokens,
  });
  const closed: boolean[] = [];
  const host: ListHost = {
    ...memory,
    listContext: async () => ({ module: options.module ?? 'Deals', recordIds }),
    closePopup: async (reload) => {
      closed.push(reload);
      return options.closes ?? true;
    },
  };
  const store = options.store ?? createMemoryStore();
  const model = createListModel({ host, connect: async () => connectList, loadMessages: englishOnly, store, now: () => new Date() });
  document.body.replaceChildren();
  render(<ListPage model={model} />, { container: document.body.appendChild(document.createElement('main')) });
  await model.start();
  return { model, memory, calls: memory.calls, store, closed, user: userEvent.setup() };
}

/** A call as `METHOD what`: the selection read, the settings, the lock calls and the notes told apart. */
export function kindOf({ method, url }: HostRequest): string {
  const { pathname } = new URL(url);
  if (pathname.endsWith('/coql')) return `${method} coql`;
  if (pathname.includes('/settings/')) return `${method} settings`;
  if (pathname.endsWith('/Notes')) return `${method} note`;
  if (pathname.includes('Locking_Information__s')) return `${method} lock ${pathname.split('/')[4] ?? ''}`;
  return `${method} ${pathname}`;
}

/** A run's summary once shown: its lines and the records named in it. */
export const summaryItems = (container: ParentNode = document) => [...container.querySelectorAll('li')].map((item) => item.textContent ?? '');
