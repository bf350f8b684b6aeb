/**
 * Opens the widget on a record as a demo user: the real model, crm and panel over a memory host
 * with injectable faults, in front of a fresh emulator.
 */
import { act, render, screen } from '@testing-library/preact';
import { createEmulator, type Emulator } from '../../../server/emulator';
import { connectPanel } from '../../../widget/connect-panel';
import { demoIdentity, type DemoUserKey } from '../../support/demo-users';
import { createLockModel, type LockModel } from '../../../widget/model/lock-model';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { createFaultyConnection, type FaultyConnection } from './faulty-connection';

export { englishOnly as englishMessages } from '../../support/texts';
import { englishOnly as englishMessages } from '../../support/texts';

export interface OpenRecord {
  emulator: Emulator;
  connection: FaultyConnection;
  model: LockModel;
}

export interface OpenOptions {
  emulator?: Emulator;
  /** Runs before the widget starts, e.g. to make its first calls fail. */
  beforeStart?: (connection: FaultyConnection) => void;
}

export async function openRecord(who: DemoUserKey, module: string, recordId: string, options: OpenOptions = {}): Promise<OpenRecord> {
  const emulator = options.emulator ?? createEmulator();
  const identity = demoIdentity(who);
  const connection = createFaultyConnection(emulator, { page: { module, recordId }, ...identity });
  options.beforeStart?.(connection);
  const model = createLockModel({ host: connection.host, connect: async () => connectPanel, loadMessages: englishMessages, now: () => new Date() });
  render(<LockPanel model={model} />, { container: document.body.appendChild(document.createElement('main')) });
  await act(() => model.start());
  if (!options.beforeStart) await screen.findByRole('status', { name: 'Lock status' });
  return { emulator, connection, model };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Has the test runner compile the panel's parts once, so that their first `import()` in a test
 * takes as little time as in a page that has fetched them: the parts still load on demand.
 */
export async function compileParts(): Promise<void> {
  await Promise.all([
    import('../../../widget/ui/lock-forms'),
    import('../../../widget/ui/record-notices'),
    import('../../../widget/model/lock-changes'),
    import('../../../widget/crm/lock-writes'),
    import('../../../widget/crm/settings-calls'),
  ]);
}

/** Resolves once the page has not changed for a while: the parts a change shows (an error, a form) have loaded. */
const domQuiet = (ms = 30) =>
  new Promise<void>((resolve) => {
    let timer = setTimeout(done, ms);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, ms);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    function done() {
      observer.disconnect();
      resolve();
    }
  });

/** Waits until the widget has finished what it was doing (the change, its re-read, a refresh) and shows it. */
export async function settled(model: LockModel): Promise<void> {
  await act(async () => {
    await tick();
    while (model.inFlight.value !== null || model.refreshing.value) await tick();
  });
  // Outside act, which holds renders back until it ends: a part arriving now renders as in a page.
  await domQuiet();
}
