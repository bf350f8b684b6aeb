import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { lockWrites } from '../../../widget/crm/lock-writes';
import { demoIdentity, type DemoUserKey } from '../../support/demo-users';
import { createMemoryHost } from '../../support/memory-host';
import { renderPanelOn, statusText } from './render-panel';

/** The main journeys through the real stack below the model: the crm calls, the memory host and the emulator. */
let emulator: Emulator;

beforeEach(() => {
  emulator = createEmulator();
});

const openRecord = (who: DemoUserKey, module: string, recordId: string) => renderPanelOn({ who, module, recordId, handle: emulator.handle });

const button = (name: string) => screen.getByRole('button', { name });

describe('LockPanel against the emulator', () => {
  it('lets a sales rep lock a deal with a reason, in one call', async () => {
    const { host, user } = await openRecord('rep', 'Deals', SEED.deals.acmeRenewal);
    expect(statusText()).toContain('Unlocked');
    host.calls.length = 0;
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.keyboard('Waiting for signed contract{Enter}');
    await waitFor(() => expect(statusText()).toContain('Locked by you now'));
    expect(statusText()).toContain('Reason: Waiting for signed contract');
    expect(host.calls.map(({ method }) => method)).toEqual(['POST']);
  });

  it('shows a manual lock and lets the manager unlock it after confirming', async () => {
    const { user } = await openRecord('manager', 'Deals', SEED.deals.hooliPricing);
    expect(statusText()).toContain('Locked by Rita Rep');
    expect(statusText()).toContain('Reason: Pricing under legal review');
    await user.click(button('Unlock record'));
    await screen.findByRole('group', { name: 'Unlock this record?' });
    await user.click(within(screen.getByRole('group', { name: 'Unlock this record?' })).getByRole('button', { name: 'Yes, unlock' }));
    await waitFor(() => expect(statusText()).toContain('Unlocked'));
  });

  it('edits the reason of a manual lock', async () => {
    const { user } = await openRecord('rep', 'Deals', SEED.deals.hooliPricing);
    await user.click(button('Edit reason'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    const box = screen.getByRole('textbox', { name: 'Lock reason' });
    await user.clear(box);
    await user.type(box, 'Legal review done, waiting for CFO');
    await user.click(button('Save'));
    await waitFor(() => expect(statusText()).toContain('Reason: Legal review done, waiting for CFO'));
  });

  it('names the rule of an automatic lock and offers no unlock', async () => {
    await openRecord('manager', 'Deals', SEED.deals.initechClosedWon);
    expect(statusText()).toContain('Locked by the rule “Closed Won deals”.');
    expect(screen.queryByRole('button', { name: 'Unlock record' })).toBeNull();
    screen.getByText('The rule “Closed Won deals” set this lock, so it cannot be unlocked or edited by hand.');
  });

  it('tells the administrator the lock does not bind them', async () => {
    await openRecord('admin', 'Deals', SEED.deals.hooliPricing);
    expect(statusText()).toContain('Your profile is exempt from this lock');
  });

  it('tells the intern why they cannot lock', async () => {
    await openRecord('intern', 'Deals', SEED.deals.acmeRenewal);
    expect(screen.queryByRole('button', { name: 'Lock record' })).toBeNull();
    screen.getByText(/does not have the Lock permission/);
  });

  it('says record locking is off for Contacts and how to turn it on', async () => {
    await openRecord('manager', 'Contacts', SEED.contacts.aliceSmith);
    await screen.findByText(/Setup > Customization > Modules and Fields > Contacts/);
  });

  it('explains a record awaiting approval in its own words', async () => {
    await openRecord('manager', 'Deals', SEED.deals.soylentApproval);
    await screen.findByText(/This record is awaiting approval/);
  });

  it('explains Zia image processing when Zoho refuses the lock for it', async () => {
    const { user } = await openRecord('manager', 'Deals', SEED.deals.starkImages);
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.keyboard('Survey pending{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Zia is processing this record');
  });

  it('shows who won when someone else locked first', async () => {
    const { user } = await openRecord('rep', 'Deals', SEED.deals.acmeRenewal);
    const manager = demoIdentity('manager');
    const other = createMemoryHost({ handle: emulator.handle, page: { module: 'Deals', recordId: SEED.deals.acmeRenewal }, user: manager.user, tokens: manager.tokens });
    await lockWrites({ host: other, apiDomain: 'https://www.zohoapis.com' }).lock({ module: 'Deals', recordId: SEED.deals.acmeRenewal }, 'Mine first');
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.keyboard('My reason{Enter}');
    await screen.findByText('Max Manager locked this record first.');
    expect(statusText()).toContain('Locked by Max Manager');
    expect((screen.getByRole('textbox', { name: 'Lock reason' }) as HTMLTextAreaElement).value).toBe('My reason');
  });

  it('treats a lock whose answer was lost as done, without locking twice', async () => {
    const { host, user } = await openRecord('rep', 'Deals', SEED.deals.acmeRenewal);
    host.failNext('timeout', { afterSending: true });
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.keyboard('Audit{Enter}');
    await waitFor(() => expect(statusText()).toContain('Reason: Audit'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(host.calls.filter(({ method }) => method === 'POST')).toHaveLength(1);
  });
});
