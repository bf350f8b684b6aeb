import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { connectPanel } from '../../../widget/connect-panel';
import type { HostRequest } from '../../../widget/host/host';
import { createLockModel } from '../../../widget/model/lock-model';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { demoIdentity } from '../../support/demo-users';
import { createMemoryHost, type MemoryHost } from '../../support/memory-host';
import { englishOnly } from '../model/build-model';
import { callAs, openOverview } from './overview/render-overview';
import { statusText } from './render-panel';

/**
 * One table of cases about editing a lock's reason, run against the record panel and the Web Tab:
 * the rules live once in model/, and this table keeps the two pages from drifting apart again.
 * Each page is the real one over the emulator; Hooli's lock (by hand, Rita Rep's) is edited by the manager.
 */
interface LockPage {
  /** The manager's view of the page, with the unlock confirmation of Hooli's lock open. */
  openUnlock(emulator: Emulator): Promise<void>;
  /** The manager's view of the page, with the edit form of Hooli's lock open. */
  openEditForm(handle: (request: Request) => Promise<Response>): Promise<{ host: Pick<MemoryHost, 'calls' | 'failNext'> }>;
  /** The reason the page shows for Hooli's lock. */
  shownReason(): string;
}

const user = () => userEvent.setup();
const box = () => screen.getByRole('textbox', { name: 'Lock reason' }) as HTMLTextAreaElement;

const panel: LockPage = {
  async openUnlock(emulator) {
    await this.openEditForm(emulator.handle);
    await user().click(screen.getByRole('button', { name: 'Cancel' }));
    await user().click(screen.getByRole('button', { name: 'Unlock record' }));
    await screen.findByRole('button', { name: 'Yes, unlock' });
  },
  async openEditForm(handle) {
    const identity = demoIdentity('manager');
    const host = createMemoryHost({ handle, page: { module: 'Deals', recordId: SEED.deals.hooliPricing }, user: identity.user, tokens: identity.tokens });
    const model = createLockModel({ host, connect: async () => connectPanel, loadMessages: englishOnly, now: () => new Date() });
    render(<LockPanel model={model} />, { container: document.body.appendChild(document.createElement('main')) });
    await model.start();
    await screen.findByRole('status', { name: 'Lock status' });
    await user().click(screen.getByRole('button', { name: 'Edit reason' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    return { host };
  },
  shownReason: () => /Reason: (.*?)(?:Locked|$)/.exec(statusText())?.[1]?.trim() ?? '',
};

const hooliRow = () => {
  const row = screen.getAllByRole('row').find((candidate) => candidate.textContent?.includes('Hooli enterprise pricing'));
  if (!row) throw new Error('No row for Hooli');
  return row;
};

const tab: LockPage = {
  async openUnlock(emulator) {
    const opened = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    await screen.findByRole('table', { name: 'Locked records' });
    await opened.user.click(within(hooliRow()).getByRole('button', { name: 'Unlock record' }));
    await screen.findByRole('button', { name: 'Yes, unlock' });
  },
  async openEditForm(handle) {
    const opened = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' }, handle });
    await screen.findByRole('table', { name: 'Locked records' });
    await opened.user.click(within(hooliRow()).getByRole('button', { name: 'Edit reason' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    return { host: { calls: opened.calls, failNext: opened.failNext } };
  },
  shownReason: () => within(hooliRow()).getAllByRole('cell')[2]?.textContent ?? '',
};

const PAGES: [string, LockPage][] = [
  ['the record panel', panel],
  ['the Web Tab', tab],
];

const sentAfter = (calls: HostRequest[], from: number) => calls.slice(from).map((call) => `${call.method} ${new URL(call.url).pathname.replace(/^.*\/crm\/v\d+/, '')}`);
const lockPath = `/Deals/${SEED.deals.hooliPricing}/Locking_Information__s`;
const TOO_MANY = { code: 'TOO_MANY_REQUESTS', details: { retry_after: 30 }, message: 'too many requests', status: 'error' };

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
  document.body.replaceChildren();
});

describe.each(PAGES)('editing a reason in %s', (_, page) => {
  it('refuses an empty reason with a message, sending nothing, not even a read', async () => {
    const { host } = await page.openEditForm(emulator.handle);
    const before = host.calls.length;
    await user().clear(box());
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Enter a reason for the lock.');
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(sentAfter(host.calls, before)).toEqual([]);
  });

  it('refuses a reason over Zoho’s limit before sending, keeping it in the box', async () => {
    const { host } = await page.openEditForm(emulator.handle);
    const before = host.calls.length;
    // The emulator's Locked_Reason__s holds 3000 characters, as its field metadata says.
    const long = 'x'.repeat(3001);
    await user().clear(box());
    box().focus();
    await user().paste(long);
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('The reason has 3001 characters; Zoho CRM accepts at most 3000.');
    expect(box().value).toBe(long);
    expect(sentAfter(host.calls, before)).toEqual([]);
  });

  it('sends nothing when the read before the edit fails, keeping the typed reason and offering a retry', async () => {
    const { host } = await page.openEditForm(emulator.handle);
    await user().clear(box());
    await user().type(box(), 'Signed copy at legal');
    const before = host.calls.length;
    host.failNext('connection');
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Try again' });
    expect(sentAfter(host.calls, before)).toEqual([`GET ${lockPath}`]);
    expect(box().value).toBe('Signed copy at legal');
    expect(page.shownReason()).toBe('Pricing under legal review');
  });

  it('overwrites nothing when the lock was replaced meanwhile: the new lock shows, the typed reason stays', async () => {
    const { host } = await page.openEditForm(emulator.handle);
    await user().clear(box());
    await user().type(box(), 'Mine');
    const lock = await callAs(emulator, 'rep', 'GET', `${lockPath}?fields=Locked_Reason__s`);
    await callAs(emulator, 'rep', 'DELETE', `${lockPath}/${lock?.data[0]?.id ?? ''}`);
    await callAs(emulator, 'admin', 'POST', lockPath, { data: [{ Locked_Reason__s: 'Theirs' }] });
    const before = host.calls.length;
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(page.shownReason()).toBe('Theirs'));
    expect(sentAfter(host.calls, before).filter((call) => call.startsWith('PUT'))).toEqual([]);
    expect(document.body.textContent).toMatch(/Someone else unlocked this record and .* locked it again\.|Someone else changed this lock first\./);
  });

  it('says Zoho’s limit plainly when the save is refused with 429, keeps the typed reason and does not send it again by itself', async () => {
    let refuse = false;
    const handle = async (request: Request) =>
      refuse && request.method === 'PUT' ? Response.json(TOO_MANY, { status: 429 }) : emulator.handle(request);
    const { host } = await page.openEditForm(handle);
    await user().clear(box());
    await user().type(box(), 'Signed copy at legal');
    refuse = true;
    const before = host.calls.length;
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/your organisation reached its API limit/);
    expect(box().value).toBe('Signed copy at legal');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sentAfter(host.calls, before).filter((call) => call.startsWith('PUT'))).toHaveLength(1);
    expect(page.shownReason()).toBe('Pricing under legal review');
  });
});

describe.each(PAGES)('unlocking in %s', (_, page) => {
  it('says someone else unlocked the record first, and shows it unlocked', async () => {
    await page.openUnlock(emulator);
    const lock = await callAs(emulator, 'rep', 'GET', `${lockPath}?fields=Locked_Reason__s`);
    await callAs(emulator, 'rep', 'DELETE', `${lockPath}/${lock?.data[0]?.id ?? ''}`);
    await user().click(screen.getByRole('button', { name: 'Yes, unlock' }));
    await screen.findByText(/Someone else unlocked this record\./);
    expect(screen.queryByRole('button', { name: 'Yes, unlock' })).toBeNull();
  });
});

/**
 * Both pages render through @preact/signals' Preact integration: a signal read only inside a part
 * fetched on demand re-renders that part, with no DOM event and no other state behind it.
 */
describe('a part that arrived after the page showed', () => {
  it('follows the signals it alone reads, in the record panel', async () => {
    const identity = demoIdentity('manager');
    const host = createMemoryHost({ handle: emulator.handle, page: { module: 'Deals', recordId: SEED.deals.hooliPricing }, user: identity.user, tokens: identity.tokens });
    const model = createLockModel({ host, connect: async () => connectPanel, loadMessages: englishOnly, now: () => new Date() });
    render(<LockPanel model={model} />, { container: document.body.appendChild(document.createElement('main')) });
    await model.start();
    await user().click(await screen.findByRole('button', { name: 'Edit reason' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    model.draft.set('y'.repeat(3001));
    await screen.findByText('3001 of 3000 characters');
    expect(box().value).toHaveLength(3001);
  });

  it('follows the signals it alone reads, in the Web Tab', async () => {
    const { model, user: tabUser } = await openOverview(emulator, 'manager', { stored: { 'recordlock.overview.module': 'Deals' } });
    await screen.findByRole('table', { name: 'Locked records' });
    await tabUser.click(within(hooliRow()).getByRole('button', { name: 'Edit reason' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    model.draft.value?.set('y'.repeat(3001));
    await screen.findByText('3001 of 3000 characters');
    expect(box().value).toHaveLength(3001);
  });
});
