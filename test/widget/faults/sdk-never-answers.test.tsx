import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmulator, SEED } from '../../../server/emulator';
import { connectPanel } from '../../../widget/connect-panel';
import { createZohoHost } from '../../../widget/host/zoho-record';
import { createLockModel } from '../../../widget/model/lock-model';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { locksOf } from './faulty-connection';
import { englishMessages, settled, compileParts } from './open-record';
import { button, english, errorWithRetry, reasonBox, shownLock } from './shown-state';
import { createSilentSdk } from './silent-sdk';

const TIME_LIMIT_MS = 8_000;
const reason = 'Contract under review';
const { acmeRenewal } = SEED.deals;

afterEach(() => {
  vi.useRealTimers();
  delete (window as Window & { ZOHO?: unknown }).ZOHO;
});

async function openInZoho() {
  const emulator = createEmulator();
  const silent = createSilentSdk(emulator, { Entity: 'Deals', EntityId: acmeRenewal });
  (window as Window & { ZOHO?: unknown }).ZOHO = silent.sdk;
  const host = createZohoHost({ window, timeoutMs: TIME_LIMIT_MS });
  const model = createLockModel({ host, connect: async () => connectPanel, loadMessages: englishMessages, now: () => new Date() });
  render(<LockPanel model={model} />, { container: document.body.appendChild(document.createElement('main')) });
  await act(() => model.start());
  await screen.findByRole('status', { name: english['status.label'] });
  return { emulator, silent, model };
}

async function saveReasonIntoSilence(opened: Awaited<ReturnType<typeof openInZoho>>, applied: boolean) {
  fireEvent.click(button('action.lock') ?? document.body);
  fireEvent.input(await screen.findByRole('textbox', { name: 'Lock reason' }), { target: { value: reason } });
  // The changes' code loads as the form opens; a viewer takes longer to type than it takes to come.
  await opened.model.prepare();
  opened.silent.silenceNext('POST', { applied });
  // Only setTimeout is faked: it is the host's time limit; everything else runs as usual.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await act(async () => {
    fireEvent.click(button('action.save') ?? document.body);
  });
  expect(button('action.save')).toHaveProperty('disabled', true);
  await act(async () => {
    await vi.advanceTimersByTimeAsync(TIME_LIMIT_MS);
  });
  vi.useRealTimers();
  await settled(opened.model);
}


beforeAll(compileParts);
describe('the widget when Zoho’s SDK never answers a call', () => {
  it('gives up after its time limit with a clear message, a retry and the reason kept, then locks on retry', async () => {
    const opened = await openInZoho();
    await saveReasonIntoSilence(opened, false);

    expect(errorWithRetry()?.textContent).toContain(english['error.timeout']);
    expect(reasonBox()?.value).toBe(reason);
    expect(button('action.save')).toHaveProperty('disabled', false);
    expect(shownLock().locked).toBe(false);

    await act(async () => {
      fireEvent.click(within(errorWithRetry() ?? document.body).getByRole('button', { name: english['action.retry'] }));
    });
    await settled(opened.model);
    expect(shownLock()).toEqual({ locked: true, byViewer: true, reason });
    expect(locksOf(opened.emulator, 'Deals', acmeRenewal)).toHaveLength(1);
    expect(opened.silent.silenced).toBe(1);
  });

  it('finds the lock a silent call made, and shows it as ours without locking again', async () => {
    const opened = await openInZoho();
    await saveReasonIntoSilence(opened, true);

    expect(shownLock()).toEqual({ locked: true, byViewer: true, reason });
    expect(errorWithRetry()).toBeNull();
    expect(locksOf(opened.emulator, 'Deals', acmeRenewal)).toEqual([expect.objectContaining({ reason, lockedById: SEED.users.rep })]);
  });
});
