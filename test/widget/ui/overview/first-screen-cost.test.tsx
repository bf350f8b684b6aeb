import { screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../../../server/emulator/index';
import { createMemoryStore } from '../../../../widget/host/storage';
import type { HostRequest } from '../../../../widget/host/host';
import { PAGE_SIZE } from '../../../../widget/model/locked-list';
import { LOCKABLE_MODULES } from '../../../../widget/model/tab-part';
import { openOverview, tableRows } from './render-overview';

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ seed: 'large' });
});

const isSettingsCall = (call: HostRequest) => call.connection === 'org';
const kindOf = (call: HostRequest) =>
  call.url.includes('/search') ? 'search' : call.url.endsWith('/coql') ? 'coql' : call.url.includes('Locking_Information__s') ? 'lock' : 'settings';

/** Opens the tab and waits for its first screen: a full page of rows with their request counts. */
async function firstScreen(entries = new Map([['recordlock.overview.module', 'Deals']])) {
  const view = await openOverview(emulator, 'manager', { store: createMemoryStore(entries) });
  await screen.findByRole('table', { name: 'Locked records' });
  await waitFor(() => expect(view.model.list.phase.value).toBe('loaded'));
  expect(tableRows()).toHaveLength(PAGE_SIZE);
  // A cold view shows the remembered module before the other modules' configurations are read.
  await waitFor(() => expect(view.model.modules.value).toEqual(['Leads', 'Accounts', 'Deals']));
  return { ...view, entries };
}

describe('the cost of the Locked records tab’s first screen', () => {
  it('spends one search, one request count and one lock read per row when warm, and no settings call', async () => {
    const { entries } = await firstScreen();
    const { calls } = await firstScreen(entries);
    expect(calls.filter(isSettingsCall)).toEqual([]);
    const kinds = calls.map(kindOf);
    expect(kinds.filter((kind) => kind === 'search')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'coql')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'lock')).toHaveLength(PAGE_SIZE);
    expect(calls.length).toBe(2 + PAGE_SIZE);
  });

  it('reads only the remembered module’s settings before the first screen when cold, and every other configuration once, after it', async () => {
    const { calls } = await firstScreen();
    const moduleOf = (call: HostRequest) => (call.url.includes('record_locking_configurations') ? new URL(call.url).searchParams.get('module') : null);
    const scanStarts = calls.findIndex((call) => moduleOf(call) !== null && moduleOf(call) !== 'Deals');
    const beforeScan = calls.slice(0, scanStarts);
    expect(kindOf(calls[0] as HostRequest)).toBe('search');
    expect(beforeScan.map(moduleOf).filter(Boolean)).toEqual(['Deals']);
    expect(beforeScan.filter(isSettingsCall)).toHaveLength(3);
    expect(beforeScan.filter((call) => !isSettingsCall(call) && kindOf(call) === 'lock')).toHaveLength(PAGE_SIZE);
    expect(beforeScan).toHaveLength(2 + PAGE_SIZE + 3);
    expect(calls.map(moduleOf).filter(Boolean).sort()).toEqual([...LOCKABLE_MODULES].sort());
  });

  it('reads the settings again behind a cache entry past its ten minutes', async () => {
    const { entries } = await firstScreen();
    const cached = [...entries.keys()].filter((key) => key.startsWith('recordlock.modules:') || key.startsWith('recordlock.settings:'));
    expect(cached).toHaveLength(2);
    // The same entries, saved eleven minutes ago.
    for (const key of cached) {
      const entry = JSON.parse(entries.get(key) ?? '{}') as { savedAt: number };
      entries.set(key, JSON.stringify({ ...entry, savedAt: entry.savedAt - 11 * 60_000 }));
    }
    const { calls } = await firstScreen(entries);
    await waitFor(() => expect(calls.filter(isSettingsCall).length).toBeGreaterThan(0));
    expect(kindOf(calls[0] as HostRequest)).toBe('search');
  });

  it('shows a remembered module’s rows before the other modules’ configurations come back', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const handle = async (request: Request) => {
      const module = new URL(request.url).searchParams.get('module');
      if (request.url.includes('record_locking_configurations') && module !== 'Deals') await held;
      return emulator.handle(request);
    };
    const { model } = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' }, handle });
    await waitFor(() => expect(model.list.phase.value).toBe('loaded'));
    expect(tableRows()).toHaveLength(PAGE_SIZE);
    const picker = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Module' });
    expect([...picker.options].map((option) => option.value)).toEqual(['Deals']);
    release();
    await waitFor(() => expect([...picker.options].map((option) => option.value)).toEqual(['Leads', 'Accounts', 'Deals']));
    expect(picker.value).toBe('Deals');
  });

  it('forgets the cached settings when Zoho refuses an unlock they allowed, and reads them again', async () => {
    const { entries } = await firstScreen();
    const settingsKey = [...entries.keys()].find((key) => key.startsWith('recordlock.settings:') && key.endsWith(':Deals')) ?? '';
    const cachedAt = JSON.parse(entries.get(settingsKey) ?? '{}') as { savedAt: number };
    const refusing = async (request: Request) =>
      request.method === 'DELETE'
        ? Response.json({ code: 'NO_PERMISSION', details: {}, message: 'permission denied', status: 'error' }, { status: 403 })
        : emulator.handle(request);
    const { calls, user } = await openOverview(emulator, 'manager', { store: createMemoryStore(entries), handle: refusing });
    await screen.findByRole('table', { name: 'Locked records' });
    expect(calls.filter(isSettingsCall)).toEqual([]);
    const unlock = (await screen.findAllByRole('button', { name: 'Unlock record' }))[0] as HTMLElement;
    await user.click(unlock);
    // The confirmation's code is fetched on demand: under a full parallel run its first import can take past a second.
    await user.click(await screen.findByRole('button', { name: 'Yes, unlock' }, { timeout: 5000 }));
    await waitFor(() => expect(calls.filter(isSettingsCall).length).toBeGreaterThan(0));
    await waitFor(() => expect((JSON.parse(entries.get(settingsKey) ?? '{}') as { savedAt: number }).savedAt).not.toBe(cachedAt.savedAt));
  });
});
