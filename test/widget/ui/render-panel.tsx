import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { buildModel } from '../model/build-model';
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
