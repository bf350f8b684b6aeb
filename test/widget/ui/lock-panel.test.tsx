import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { textsIn } from '../../support/texts';
import { HostError } from '../../../widget/host/host';
import { createFakeHost } from '../model/fake-crm';
import { ADMIN_PROFILE, INTERN_PROFILE, automaticLock, configuration, manager, manualLock, userWith } from '../model/fixtures';
import { renderPanel, statusText } from './render-panel';

const button = (name: string) => screen.getByRole('button', { name });

describe('LockPanel status', () => {
  it('shows an unlocked record and offers the lock', async () => {
    await renderPanel();
    expect(statusText()).toContain('Unlocked');
    expect(button('Lock record')).toHaveProperty('disabled', false);
    expect(screen.queryByRole('button', { name: 'Unlock record' })).toBeNull();
  });

  it('shows who locked the record, when, why and by hand', async () => {
    await renderPanel({ lock: manualLock() });
    const shown = statusText();
    expect(shown).toContain('Locked by Sam Sales 2 minutes ago');
    expect(shown).toContain('Since Mar 1, 2024, 10:00 AM');
    expect(shown).toContain('Reason: Contract under review');
    expect(shown).toContain('Locked by hand.');
    expect(shown).toContain('You cannot make the restricted changes while the record is locked.');
  });

  it('shows the exact time in the user time zone', async () => {
    const host = createFakeHost({ user: { ...manager, timeZone: 'Asia/Tokyo' } });
    await renderPanel({ lock: manualLock() }, { host });
    expect(statusText()).toContain('Since Mar 1, 2024, 7:00 PM');
  });

  it('tells an exempt viewer the lock does not bind them', async () => {
    const host = createFakeHost({ user: userWith(ADMIN_PROFILE) });
    await renderPanel({ lock: manualLock() }, { host });
    expect(statusText()).toContain('Your profile is exempt from this lock');
  });

  it('names the rule of an automatic lock and says it cannot be unlocked by hand', async () => {
    await renderPanel({ lock: automaticLock() });
    expect(statusText()).toContain('Locked automatically 2 minutes ago');
    expect(statusText()).toContain('Locked by the rule “Closed deals”.');
    screen.getByText('The rule “Closed deals” set this lock, so it cannot be unlocked or edited by hand.');
    expect(screen.queryByRole('button', { name: 'Unlock record' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit reason' })).toBeNull();
  });

  it('lists what the lock blocks and which fields stay editable', async () => {
    await renderPanel({ lock: manualLock() });
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Editing the record',
      'Deleting it',
      'Sending email from it',
      'Custom buttons: Send quote',
    ]);
    screen.getByText('Fields that stay editable: Description');
  });

  it('renders a reason as text, never as markup', async () => {
    await renderPanel({ lock: manualLock({ reason: '<img src=x onerror="alert(1)">' }) });
    expect(statusText()).toContain('Reason: <img src=x onerror="alert(1)">');
    expect(screen.getByRole('status', { name: 'Lock status' }).querySelector('img')).toBeNull();
  });

  it('says how an administrator turns locking on when the module has none', async () => {
    await renderPanel({ configuration: null });
    expect(statusText()).toContain('Unlocked');
    await screen.findByText('Record locking is not set up for this module.');
    screen.getByText(/Setup > Customization > Modules and Fields > Deals > Record Locking Configuration/);
    expect(screen.queryByRole('button', { name: 'Lock record' })).toBeNull();
  });

  it('tells a user without the Lock permission why they cannot lock', async () => {
    const host = createFakeHost({ user: userWith(INTERN_PROFILE) });
    await renderPanel({ permission: 'denied' }, { host });
    expect(screen.queryByRole('button', { name: 'Lock record' })).toBeNull();
    screen.getByText(/does not have the Lock permission/);
  });

  it('tells a viewer with read-only access to the lock why they cannot change it, without blaming the profile', async () => {
    await renderPanel({ lock: manualLock({ editable: false }) });
    expect(screen.queryByRole('button', { name: 'Unlock record' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit reason' })).toBeNull();
    screen.getByText('You cannot change this lock: your access to it is read-only.');
    expect(screen.queryByText(/does not have the Lock permission/)).toBeNull();
  });

  it('says nobody can lock by hand in an automatic-only module', async () => {
    await renderPanel({ configuration: configuration({ lockType: 'automatic' }) });
    screen.getByText(/locks records only through its rules/);
    expect(screen.queryByRole('button', { name: 'Lock record' })).toBeNull();
  });

  it.each([
    ['awaiting_approval', 'This record is awaiting approval'],
    ['zia_vision_processing', 'Zia is processing this record'],
  ] as const)('tells a record held for %s apart from a lock', async (hold, text) => {
    await renderPanel({ summary: { id: '9001', hold } });
    await screen.findByText(new RegExp(`${text}.*That is not a record lock.`));
    expect(statusText()).toContain('Unlocked');
  });

  it('reads the lock again when the page becomes visible, keeping the status on screen', async () => {
    const { crm, host } = await renderPanel();
    crm.state.lock = manualLock({ lockedBy: { id: 'u-olga', name: 'Olga Other' } });
    host.becomeVisible();
    expect(screen.queryByText('Loading the lock status…')).toBeNull();
    await waitFor(() => expect(statusText()).toContain('Locked by Olga Other'));
  });
});

describe('LockPanel start-up', () => {
  it('says to open the widget inside Zoho CRM when there is no SDK', async () => {
    const host = createFakeHost({ failures: { pageContext: new HostError('unavailable', 'no SDK') } });
    await renderPanel({}, { host });
    await screen.findByText(/Open this widget inside Zoho CRM/);
  });

  it('explains a PageLoad that never came instead of loading forever', async () => {
    const host = createFakeHost({ failures: { pageContext: new HostError('timeout', 'no PageLoad') } });
    await renderPanel({}, { host });
    expect((await screen.findByRole('alert')).textContent).toContain('Zoho CRM did not say which record is open');
  });

  it('shows the start failure with a retry that loads the record', async () => {
    const { user } = await renderPanel(
      { lock: manualLock() },
      { beforeStart: ({ crm }) => crm.failNext('getLock', new HostError('connection', 'offline')) },
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The connection to Zoho CRM failed.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('status', { name: 'Lock status' });
    expect(statusText()).toContain('Locked by Sam Sales');
  });

  it('speaks the user language', async () => {
    const host = createFakeHost({ user: { ...manager, locale: 'de_DE' } });
    await renderPanel({ lock: manualLock() }, { host, loadMessages: async () => textsIn('de') });
    expect(statusText('Sperrstatus')).toContain('Gesperrt von Sam Sales vor 2 Minuten');
    button('Grund bearbeiten');
  });
});
