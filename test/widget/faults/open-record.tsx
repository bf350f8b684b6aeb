/**
 * Opens the widget on a record as a demo user: the real model, crm and panel over a memory host
 * with injectable faults, in front of a fresh emulator.
 */
import { act, render, screen } from '@testing-library/preact';
import english from '../../../app/translations/en.json';
import { createEmulator, type Emulator } from '../../../server/emulator';
import { createCrm } from '../../../widget/crm/crm';
import { demoIdentity, type DemoUserKey } from '../../support/demo-users';
import type { LoadMessages } from '../../../widget/i18n/load-messages';
import { createLockModel, type LockModel } from '../../../widget/model/lock-model';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { createFaultyConnection, type FaultyConnection } from './faulty-connection';

/** English as the widget fetches it from translations/en.json. */
export const englishMessages: LoadMessages = async (language) => (language === 'en' ? english : {});

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
  const model = createLockModel({ host: connection.host, createCrm, loadMessages: englishMessages, now: () => new Date() });
  render(<LockPanel model={model} />, { container: document.body.appendChild(document.createElement('main')) });
  await act(() => model.start());
  if (!options.beforeStart) await screen.findByRole('status', { name: english['status.label'] });
  return { emulator, connection, model };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits until the widget has finished what it was doing (the change, its re-read, a refresh). */
export async function settled(model: LockModel): Promise<void> {
  await act(async () => {
    await tick();
    while (model.inFlight.value !== null || model.refreshing.value) await tick();
  });
}
