import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import english from '../../../app/translations/en.json';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import type { Variant } from '../../../server/emulator/variants';
import { connectPanel } from '../../../widget/connect-panel';
import { DEFAULT_LIMIT_WAIT_SECONDS } from '../../../widget/model/failure';
import { createLockModel, type LockModel } from '../../../widget/model/lock-model';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { demoIdentity } from '../../support/demo-users';
import { createMemoryHost, type MemoryHost } from '../../support/memory-host';
import { statusText } from '../ui/render-panel';
import { englishOnly } from './build-model';

/**
 * Zoho's API limit (429) as the viewer meets it, over the emulator: the message, no Try again
 * until Zoho's wait has passed, one automatic retry of a refused read and none of a refused change.
 * Only setTimeout is faked: it is the wait; the calls run as usual.
 */
const DAY_MS = 24 * 60 * 60_000;

let emulator: Emulator;
let clock: number;
/** When set, every call carries the emulator's fault header: 429 as if too many calls ran at once. */
let concurrencyFault: boolean;

beforeEach(() => {
  emulator = createEmulator();
  clock = new Date('2026-02-01T15:00:00Z').getTime();
  concurrencyFault = false;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

const handle = (request: Request) => {
  if (!concurrencyFault) return emulator.handle(request);
  const headers = new Headers(request.headers);
  headers.set('X-Emulator-Fault', 'concurrency');
  return emulator.handle(new Request(request, { headers }));
};

/** Lets the calls a timer started run to their end (they use no timers themselves). */
async function settle(model: LockModel) {
  for (let turn = 0; turn < 200; turn++) {
    await act(() => new Promise<void>((resolve) => setImmediate(resolve)));
    if (model.phase.value !== 'starting' && model.inFlight.value === null && !model.refreshing.value && turn > 20) return;
  }
}

/** Lets the calls run until `done` holds, or fails after a few seconds of real time. */
async function until(done: () => boolean) {
  const started = performance.now();
  while (!done()) {
    if (performance.now() - started > 5000) throw new Error('the panel never got there');
    await act(() => new Promise<void>((resolve) => setImmediate(resolve)));
  }
}

/** Moves both the wall clock and the timers on, as the wait passing would. */
async function wait(model: LockModel, ms: number) {
  clock += ms;
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  await settle(model);
}

async function open(): Promise<{ host: MemoryHost; model: LockModel }> {
  const identity = demoIdentity('rep');
  const host = createMemoryHost({ handle, page: { module: 'Deals', recordId: SEED.deals.acmeRenewal }, user: identity.user, tokens: identity.tokens });
  const model = createLockModel({ host, connect: async () => connectPanel, loadMessages: englishOnly, now: () => new Date(clock) });
  render(<LockPanel model={model} />);
  await act(() => model.start());
  await settle(model);
  return { host, model };
}

const retryButton = () => screen.queryByRole('button', { name: english['action.retry'] });
const retryLater = () => screen.queryByText(/^Try again after /);

describe('Zoho’s API limit in the panel', () => {
  it('on start-up: says so, offers Try again only after the wait, and retries by itself once', async () => {
    emulator.setRemainingCredits(0);
    const { host, model } = await open();
    expect(document.body.textContent).toContain(english['error.tooManyRequests']);
    expect(retryLater()).not.toBeNull();
    expect(retryButton()).toBeNull();
    const refused = host.calls.length;
    expect(refused).toBeGreaterThan(0);

    await wait(model, DAY_MS - 1000);
    expect(host.calls).toHaveLength(refused);
    expect(retryButton()).toBeNull();

    // The wait passes while credits are still spent: one retry by itself, refused again.
    await wait(model, 1000);
    expect(host.calls.length).toBeGreaterThan(refused);
    expect(document.body.textContent).toContain(english['error.tooManyRequests']);
    const afterRetry = host.calls.length;
    expect(afterRetry).toBe(refused * 2);

    await wait(model, DAY_MS);
    expect(host.calls).toHaveLength(afterRetry);
    expect(retryLater()).toBeNull();

    emulator.setRemainingCredits(1000);
    await act(async () => {
      fireEvent.click(retryButton() ?? document.body);
    });
    await settle(model);
    expect(model.phase.value).toBe('ready');
    expect(statusText()).toContain('Unlocked');
  });

  it('on a lock: keeps the typed reason and the last known state, and waits for the viewer after the wait', async () => {
    const { host, model } = await open();
    expect(statusText()).toContain('Unlocked');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lock record' }));
    });
    const reason = await screen.findByRole('textbox', { name: 'Lock reason' });
    await act(async () => {
      fireEvent.input(reason, { target: { value: 'Contract review' } });
    });
    emulator.setRemainingCredits(0);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    await until(() => screen.queryByRole('alert') !== null);
    await settle(model);

    expect(screen.getByRole('alert').textContent).toContain(english['error.tooManyRequests']);
    expect((screen.getByRole('textbox', { name: 'Lock reason' }) as HTMLTextAreaElement).value).toBe('Contract review');
    expect(statusText()).toContain('Unlocked');
    expect(retryLater()).not.toBeNull();
    expect(retryButton()).toBeNull();
    const refused = host.calls.length;

    await wait(model, DAY_MS);
    expect(host.calls).toHaveLength(refused);
    expect(retryLater()).toBeNull();
    expect(retryButton()).not.toBeNull();
    expect(emulator.snapshot()).not.toMatchObject({ locks: expect.arrayContaining([expect.objectContaining({ reason: 'Contract review' })]) });
  });

  it.each<[Variant[]]>([[[]], [['rate-limit-exceeded']]])('waits the short default when Zoho names no time (too many calls at once), variants %j', async (variants) => {
    emulator.setOptions({ variants });
    concurrencyFault = true;
    const { host, model } = await open();
    expect(document.body.textContent).toContain(english['error.tooManyRequests']);
    expect(retryButton()).toBeNull();
    const refused = host.calls.length;

    await wait(model, DEFAULT_LIMIT_WAIT_SECONDS * 1000 - 1000);
    expect(host.calls).toHaveLength(refused);
    expect(retryButton()).toBeNull();

    concurrencyFault = false;
    await wait(model, 1000);
    expect(host.calls.length).toBeGreaterThan(refused);
    expect(model.phase.value).toBe('ready');
    expect(statusText()).toContain('Unlocked');
  });

  it('says RATE_LIMIT_EXCEEDED as Zoho’s limit, with the short wait, one retry by itself, then Try again', async () => {
    emulator.setOptions({ variants: ['rate-limit-exceeded'] });
    emulator.setRemainingCredits(0);
    const { host, model } = await open();
    expect(document.body.textContent).toContain(english['error.tooManyRequests']);
    expect(retryLater()).not.toBeNull();
    const refused = host.calls.length;

    await wait(model, DEFAULT_LIMIT_WAIT_SECONDS * 1000);
    expect(host.calls).toHaveLength(refused * 2);
    expect(document.body.textContent).toContain(english['error.tooManyRequests']);
    expect(retryButton()).toBeNull();

    await wait(model, DEFAULT_LIMIT_WAIT_SECONDS * 1000);
    expect(host.calls).toHaveLength(refused * 2);
    expect(retryButton()).not.toBeNull();
  });
});
