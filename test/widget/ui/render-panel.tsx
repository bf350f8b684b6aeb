import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { connectPanel } from '../../../widget/connect-panel';
import { createLockModel } from '../../../widget/model/lock-model';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { demoIdentity, type DemoUserKey } from '../../support/demo-users';
import { createMemoryHost } from '../../support/memory-host';
import { buildModel, englishOnly } from '../model/build-model';
import type { Built } from '../model/build-model';

type BuildOptions = NonNullable<Parameters<typeof buildModel>[1]>;

/**
 * Renders the panel over a fake Crm, starts the model and waits for the status to show.
 * `beforeStart` scripts the fakes (e.g. a failing first read) before anything is asked.
 */
export async function renderPanel(
  state: Parameters<typeof buildModel>[0] = {},
  options: BuildOptions & { beforeStart?: (built: Built) => void } = {},
) {
  const built = buildModel(state, options);
  options.beforeStart?.(built);
  const user = userEvent.setup();
  // Mounted in a <main>, as widget.html's #record-lock is.
  const container = document.body.appendChild(document.createElement('main'));
  render(<LockPanel model={built.model} />, { container });
  await built.model.start();
  if (built.model.phase.value === 'ready') await screen.findByRole('status');
  return { ...built, user };
}

/** The status region's text, spaces normalised (Intl uses narrow no-break spaces). */
export const statusText = (name = 'Lock status') =>
  (screen.getByRole('status', { name }).textContent ?? '').replace(/\s/g, ' ');

export interface PanelOnEmulatorOptions {
  who: DemoUserKey;
  module?: string;
  recordId: string;
  /** The emulator's handler, or one wrapped to answer otherwise (a variant, a fault). */
  handle: (request: Request) => Promise<Response>;
  /** Replaces the user connection's token, e.g. one issued with fewer scopes. */
  userToken?: string;
}

/** Renders the panel over the real crm calls and the memory host in front of an emulator, started, status shown. */
export async function renderPanelOn({ who, module = 'Deals', recordId, handle, userToken }: PanelOnEmulatorOptions) {
  const identity = demoIdentity(who);
  const tokens = userToken ? { ...identity.tokens, user: userToken } : identity.tokens;
  const host = createMemoryHost({ handle, page: { module, recordId }, user: identity.user, tokens });
  const model = createLockModel({ host, connect: async () => connectPanel, loadMessages: englishOnly, now: () => new Date() });
  const user = userEvent.setup();
  render(<LockPanel model={model} />);
  await model.start();
  await screen.findByRole('status', { name: 'Lock status' });
  return { host, model, user };
}
