import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { connectPanel } from '../../../widget/connect-panel';
import { createLocalStore, createMemoryStore, type KeyValueStore } from '../../../widget/host/storage';
import { createLockModel } from '../../../widget/model/lock-model';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { demoIdentity, type DemoUserKey } from '../../support/demo-users';
import { createMemoryHost } from '../../support/memory-host';
import { statusText } from '../ui/render-panel';
import { englishOnly } from './build-model';

/** The cache's documented figures (README): fresh for ten minutes, shown stale up to a day. */
const TEN_MINUTES = 10 * 60_000;
const A_DAY = 24 * 60 * 60_000;

/** Module settings cached between views: what each view costs in calls, and what the viewer sees. */
const ORG = '5843104000000000001';
const T0 = new Date('2026-02-01T15:00:00Z').getTime();

let emulator: Emulator;
let clock: number;
let entries: Map<string, string>;
let store: KeyValueStore;

beforeEach(() => {
  emulator = createEmulator();
  clock = T0;
  entries = new Map();
  store = createMemoryStore(entries);
});

const keyOf = (who: DemoUserKey, module = 'Deals') => `recordlock.settings:${ORG}:${demoIdentity(who).user.id}:${module}`;
const entryOf = (who: DemoUserKey, module = 'Deals') => {
  const text = entries.get(keyOf(who, module));
  return text === undefined ? undefined : (JSON.parse(text) as { savedAt: number; settings: { configuration: unknown; lockPermission: string } });
};

/** Opens a record in a fresh panel (a new view of the page) over the shared store and clock. */
async function view(who: DemoUserKey, { module = 'Deals', recordId = SEED.deals.acmeRenewal, viewStore = store } = {}) {
  document.body.innerHTML = '';
  const identity = demoIdentity(who);
  const host = createMemoryHost({ handle: emulator.handle, page: { module, recordId }, user: identity.user, tokens: identity.tokens });
  const model = createLockModel({ host, connect: async () => connectPanel, loadMessages: englishOnly, now: () => new Date(clock), store: viewStore });
  render(<LockPanel model={model} />);
  await model.start();
  await screen.findByRole('status', { name: 'Lock status' });
  return { host, model };
}

/** Which of Zoho's resources a call read: the lock, the record, or one of the three settings. */
const kinds = (calls: { url: string }[]) =>
  calls
    .map(({ url }) => new URL(url).pathname)
    .map((path) =>
      path.endsWith('/Locking_Information__s') ? 'lock' : /\/Deals\/\d+$|\/Contacts\/\d+$/.test(path) ? 'record' : 'settings',
    )
    .sort();

describe('settings cache', () => {
  it('reads all five on a cold view and writes the entry', async () => {
    const { host } = await view('rep');
    expect(kinds(host.calls)).toEqual(['lock', 'record', 'settings', 'settings', 'settings']);
    expect(entryOf('rep')).toMatchObject({ savedAt: T0, settings: { lockPermission: 'granted' } });
  });

  it('reads only the lock and the record on a warm view, in one parallel wave', async () => {
    await view('rep');
    clock += 60_000;
    const identity = demoIdentity('rep');
    document.body.innerHTML = '';
    const host = createMemoryHost({
      handle: emulator.handle,
      page: { module: 'Deals', recordId: SEED.deals.hooliPricing },
      user: identity.user,
      tokens: identity.tokens,
    });
    const release = host.pause();
    const model = createLockModel({ host, connect: async () => connectPanel, loadMessages: englishOnly, now: () => new Date(clock), store });
    render(<LockPanel model={model} />);
    const started = model.start();
    // Both requested while neither has answered: one round trip, not two.
    await waitFor(() => expect(host.calls).toHaveLength(2));
    expect(model.phase.value).toBe('starting');
    release();
    await started;
    expect(kinds(host.calls)).toEqual(['lock', 'record']);
    expect(statusText()).toContain('Locked by you');
    expect(screen.getByRole('button', { name: 'Edit reason' })).toBeTruthy();
  });

  it('shows a stale entry at once, reads the settings behind it and refreshes the entry', async () => {
    await view('rep');
    clock += TEN_MINUTES + 60_000;
    const { host } = await view('rep');
    expect(statusText()).toContain('Unlocked');
    screen.getByRole('button', { name: 'Lock record' });
    await waitFor(() => expect(entryOf('rep')?.savedAt).toBe(clock));
    expect(kinds(host.calls)).toEqual(['lock', 'record', 'settings', 'settings', 'settings']);

    clock += 60_000;
    const next = await view('rep');
    expect(kinds(next.host.calls)).toEqual(['lock', 'record']);
  });

  it.each([
    ['older than a day', A_DAY + 60_000],
    ['from the future (clock set back)', -60_000],
  ])('reads everything again for an entry %s', async (_when, shift) => {
    await view('rep');
    clock += shift;
    const { host } = await view('rep');
    expect(kinds(host.calls)).toEqual(['lock', 'record', 'settings', 'settings', 'settings']);
    expect(entryOf('rep')?.savedAt).toBe(clock);
  });

  it('shows "not set up" without a reload when the module lost its configuration since', async () => {
    await view('manager');
    const deleted = await emulator.handle(
      new Request(`https://www.zohoapis.com/crm/v8/settings/record_locking_configurations/${SEED.configurations.deals}?module=Deals`, {
        method: 'DELETE',
        headers: { Authorization: `Zoho-oauthtoken ${demoIdentity('admin').tokens.user}` },
      }),
    );
    expect(deleted.status).toBe(200);
    clock += 60_000;
    await view('manager');
    await screen.findByText('Record locking is not set up for this module.');
    expect(entryOf('manager')?.settings.configuration).toBeNull();
  });

  it('drops an entry that let the intern lock once Zoho refuses, and takes the Lock button away', async () => {
    await view('intern');
    const stored = JSON.parse(entries.get(keyOf('intern'))!) as { settings: { lockPermission: string } };
    stored.settings.lockPermission = 'granted';
    entries.set(keyOf('intern'), JSON.stringify(stored));
    clock += 60_000;

    await view('intern');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Lock record' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.keyboard('Trying{Enter}');
    await waitFor(() => expect(entryOf('intern')?.settings.lockPermission).toBe('denied'));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Lock record' })).toBeNull());
    expect(statusText()).toContain('Unlocked');
  });

  describe('a broken entry is ignored and replaced', () => {
    const cases: [string, (key: string, valid: string) => string][] = [
      ['not JSON', () => '{not json'],
      ['another version', (_key, valid) => JSON.stringify({ ...JSON.parse(valid), version: 99 })],
      ['another org or user', (_key, valid) => JSON.stringify({ ...JSON.parse(valid), key: `recordlock.settings:1:2:Deals` })],
      ['failing the schema', (_key, valid) => JSON.stringify({ ...JSON.parse(valid), settings: { lockPermission: 'maybe' } })],
    ];
    it.each(cases)('%s', async (_name, breakEntry) => {
      await view('rep');
      const key = keyOf('rep');
      entries.set(key, breakEntry(key, entries.get(key)!));
      clock += 60_000;
      const { host } = await view('rep');
      expect(screen.queryByRole('alert')).toBeNull();
      expect(kinds(host.calls)).toEqual(['lock', 'record', 'settings', 'settings', 'settings']);
      expect(entryOf('rep')).toMatchObject({ savedAt: clock, settings: { lockPermission: 'granted' } });
    });
  });

  it('works without a cache when every use of localStorage throws', async () => {
    // Private windows, full quotas and disabled storage: the widget's store reads as empty.
    const broken = createLocalStore({
      get localStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as Window);
    const { host } = await view('rep', { viewStore: broken });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(statusText()).toContain('Unlocked');
    expect(kinds(host.calls)).toEqual(['lock', 'record', 'settings', 'settings', 'settings']);
  });
});
