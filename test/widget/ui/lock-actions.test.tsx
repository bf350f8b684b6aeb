import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../widget/crm/crm-error';
import { HostError } from '../../../widget/host/host';
import { automaticLock, manager, manualLock } from '../model/fixtures';
import { renderPanel, statusText } from './render-panel';

const button = (name: string) => screen.getByRole('button', { name });
const reasonBox = () => screen.getByRole('textbox', { name: 'Lock reason' }) as HTMLTextAreaElement;
const mine = () => manualLock({ lockedBy: { id: manager.id, name: manager.fullName } });
/** The status no longer shows a background re-read running. */
const settled = () => waitFor(() => expect(screen.getByRole('status', { name: 'Lock status' }).getAttribute('aria-busy')).toBe('false'));

describe('Locking a record', () => {
  it('locks with the keyboard alone and announces it', async () => {
    const { user } = await renderPanel();
    await user.tab();
    expect(document.activeElement).toBe(button('Lock record'));
    await user.keyboard('{Enter}');
    const box = await screen.findByRole('textbox', { name: 'Lock reason' });
    expect(document.activeElement).toBe(box);
    await user.keyboard('Quarterly audit{Enter}');
    await waitFor(() => expect(statusText()).toContain('Locked by you now'));
    expect(statusText()).toContain('Reason: Quarterly audit');
    screen.getByText('Record locked.');
    expect(screen.queryByRole('textbox', { name: 'Lock reason' })).toBeNull();
    // The button that opened the form is gone: focus lands on the status, not on <body>.
    expect(document.activeElement).toBe(screen.getByRole('status', { name: 'Lock status' }));
  });

  it('adds a line with Shift+Enter instead of saving', async () => {
    const { user, crm } = await renderPanel();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.keyboard('First line{Shift>}{Enter}{/Shift}second line');
    expect(reasonBox().value).toBe('First line\nsecond line');
    expect(crm.made).not.toContain('lock');
  });

  it.each([['{Escape}'], ['cancel']])('closes the form with %s and returns focus to the button', async (how) => {
    const { user } = await renderPanel();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    if (how === 'cancel') await user.click(button('Cancel'));
    else await user.keyboard(how);
    expect(screen.queryByRole('textbox', { name: 'Lock reason' })).toBeNull();
    expect(document.activeElement).toBe(button('Lock record'));
  });

  it('refuses an empty reason without sending anything', async () => {
    const { user, crm } = await renderPanel();
    crm.made.length = 0;
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), '   ');
    await user.click(button('Save'));
    expect(screen.getByRole('alert').textContent).toBe('Enter a reason for the lock.');
    expect(reasonBox().getAttribute('aria-invalid')).toBe('true');
    expect(crm.made).toEqual([]);
  });

  it('counts characters near the limit and refuses a reason over it', async () => {
    const { user, crm } = await renderPanel({ maxLength: 10 });
    crm.made.length = 0;
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), 'abcdefg');
    expect(screen.queryByText(/of 10 characters/)).toBeNull();
    await user.type(reasonBox(), 'h');
    screen.getByText('8 of 10 characters');
    await user.type(reasonBox(), 'ijk');
    await user.keyboard('{Enter}');
    screen.getByText('The reason has 11 characters; Zoho CRM accepts at most 10.');
    expect(reasonBox().value).toBe('abcdefghijk');
    expect(crm.made).toEqual([]);
  });

  it('disables the controls while the lock call is in flight', async () => {
    const { user, crm } = await renderPanel();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), 'Audit');
    const release = crm.pause();
    await user.click(button('Save'));
    expect(button('Save')).toHaveProperty('disabled', true);
    expect(button('Cancel')).toHaveProperty('disabled', true);
    expect(reasonBox().readOnly).toBe(true);
    await user.click(button('Save'));
    release();
    await waitFor(() => expect(statusText()).toContain('Locked'));
    expect(crm.made.filter((call) => call === 'lock')).toHaveLength(1);
  });

  it('keeps the typed reason and offers a retry when the network fails', async () => {
    const { user, crm } = await renderPanel();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), 'Audit');
    crm.failNext('lock', new HostError('connection', 'offline'));
    crm.failNext('getLock', new HostError('connection', 'offline'));
    await user.click(button('Save'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The connection to Zoho CRM failed. The last known state is shown.');
    expect(reasonBox().value).toBe('Audit');
    expect(statusText()).toContain('Unlocked');
    crm.made.length = 0;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(statusText()).toContain('Reason: Audit'));
    // The retry looks for a lock that may have gone through before sending it again.
    expect(crm.made).toEqual(['getLock', 'lock']);
  });

  it('shows who won when someone else locked first', async () => {
    const { user, crm } = await renderPanel();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), 'My reason');
    crm.state.lock = manualLock({ lockedBy: { id: 'u-max2', name: 'Max Manager' } });
    await user.click(button('Save'));
    await screen.findByText('Max Manager locked this record first.');
    expect(statusText()).toContain('Locked by Max Manager 2 minutes ago');
  });

  it('says someone else locked first when a rule, not a person, holds the lock', async () => {
    const { user, crm } = await renderPanel();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), 'My reason');
    crm.state.lock = automaticLock();
    await user.click(button('Save'));
    await screen.findByText('Someone else locked this record first.');
    expect(statusText()).toContain('Locked by the rule “Closed deals”.');
  });

  it('keeps the new lock when a re-read begun before it answers late', async () => {
    const { user, crm, host } = await renderPanel();
    const answerLateRead = crm.delayNextRead();
    host.becomeVisible();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), 'Audit');
    await user.click(button('Save'));
    await waitFor(() => expect(statusText()).toContain('Reason: Audit'));
    answerLateRead();
    await settled();
    expect(statusText()).toContain('Locked by you now');
  });

  it('reads the lock on Try again after the form of a lost lock was cancelled', async () => {
    const { user, crm } = await renderPanel();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), 'Audit');
    crm.failNext('lock', new HostError('timeout', 'late'), { afterApplying: true });
    crm.failNext('getLock', new HostError('timeout', 'late'));
    await user.click(button('Save'));
    const alert = await screen.findByRole('alert');
    await user.click(button('Cancel'));
    crm.made.length = 0;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(statusText()).toContain('Reason: Audit'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(crm.made).toEqual(['getLock']);
  });

  it.each([
    ['NO_PERMISSION', 'Zoho CRM refused: your profile does not have the permission for this.'],
    ['INVALID_DATA', 'Zoho CRM did not accept the request for this record.'],
    ['MANDATORY_NOT_FOUND', 'Zoho CRM needs a reason for the lock.'],
    ['INVALID_MODULE', 'Zoho CRM does not support record locking in this module.'],
    ['RECORD_LOCKED', 'The record is locked, so Zoho CRM refused the change.'],
    ['NOT_APPROVED', 'This record is awaiting approval'],
    ['INTERNAL_ERROR', 'Zoho CRM had an internal error.'],
    ['OAUTH_SCOPE_MISMATCH', 'Zoho CRM did not accept the Record Lock connection (OAUTH_SCOPE_MISMATCH).'],
    ['SOMETHING_NEW', 'Zoho CRM refused the request with code SOMETHING_NEW.'],
    ['REQUIRED_PARAM_MISSING', 'Zoho CRM did not accept the request the widget sent (REQUIRED_PARAM_MISSING). Trying again will not help'],
    ['INVALID_URL_PATTERN', 'Zoho CRM did not accept the request the widget sent (INVALID_URL_PATTERN). Trying again will not help'],
    ['INVALID_REQUEST_METHOD', 'Zoho CRM did not accept the request the widget sent (INVALID_REQUEST_METHOD). Trying again will not help'],
    ['LIMIT_EXCEEDED', 'Zoho CRM refused: a limit was reached (LIMIT_EXCEEDED).'],
  ])('explains a %s answer and keeps the reason', async (code, message) => {
    const { user, crm } = await renderPanel();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), 'Audit');
    crm.failNext('lock', new CrmError(code, 'refused'));
    await user.click(button('Save'));
    expect((await screen.findByRole('alert')).textContent).toContain(message);
    expect(reasonBox().value).toBe('Audit');
  });

  it.each([['REQUIRED_PARAM_MISSING'], ['INVALID_URL_PATTERN'], ['INVALID_REQUEST_METHOD']])(
    'offers no Try again when Zoho does not accept what the widget sent (%s)',
    async (code) => {
      const { user, crm } = await renderPanel();
      await user.click(button('Lock record'));
      await screen.findByRole('textbox', { name: 'Lock reason' });
      await user.type(reasonBox(), 'Audit');
      crm.failNext('lock', new CrmError(code, 'refused'));
      await user.click(button('Save'));
      const alert = await screen.findByRole('alert');
      expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    },
  );

  it.each([
    [new HostError('timeout', 'late'), 'Zoho CRM did not answer in time.'],
    [new HostError('malformed', 'odd'), 'Zoho CRM answered in a way this version of Record Lock does not understand.'],
  ])('explains a host failure: %s', async (error, message) => {
    const { user, crm } = await renderPanel();
    await user.click(button('Lock record'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.type(reasonBox(), 'Audit');
    crm.failNext('lock', error);
    await user.click(button('Save'));
    expect((await screen.findByRole('alert')).textContent?.replace('\'', '’')).toContain(message);
  });
});

describe('Editing the reason', () => {
  it('opens prefilled, saves, and shows the new reason', async () => {
    const { user, crm } = await renderPanel({ lock: mine() });
    await user.click(button('Edit reason'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    expect(reasonBox().value).toBe('Contract under review');
    expect(document.activeElement).toBe(reasonBox());
    await user.clear(reasonBox());
    await user.type(reasonBox(), 'Legal hold');
    crm.made.length = 0;
    await user.click(button('Save'));
    await waitFor(() => expect(statusText()).toContain('Reason: Legal hold'));
    // The lock is read first so that a reason changed meanwhile is not overwritten.
    expect(crm.made).toEqual(['getLock', 'updateReason']);
    expect(document.activeElement).toBe(button('Edit reason'));
  });

  it('shows the record unlocked when someone else unlocked it first', async () => {
    const { user, crm } = await renderPanel({ lock: mine() });
    await user.click(button('Edit reason'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    crm.state.lock = null;
    await user.click(button('Save'));
    await screen.findByText('Someone else unlocked this record.');
    expect(statusText()).toContain('Unlocked');
  });

  it('does not overwrite a reason someone else changed meanwhile, and keeps the typed text', async () => {
    const { user, crm } = await renderPanel({ lock: mine() });
    await user.click(button('Edit reason'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.clear(reasonBox());
    await user.type(reasonBox(), 'Legal hold');
    crm.state.lock = { ...mine(), reason: 'Changed by Olga' };
    await user.click(button('Save'));
    await screen.findByText('Someone else changed the reason first.');
    expect(statusText()).toContain('Reason: Changed by Olga');
    expect(reasonBox().value).toBe('Legal hold');
    expect(crm.made).not.toContain('updateReason');
  });

  it('saves the corrected text when Try again follows a failed save', async () => {
    const { user, crm } = await renderPanel({ lock: mine() });
    await user.click(button('Edit reason'));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.clear(reasonBox());
    await user.type(reasonBox(), 'Legal hodl');
    crm.failNext('updateReason', new CrmError('INTERNAL_ERROR', 'oops', {}, 500));
    await user.click(button('Save'));
    const alert = await screen.findByRole('alert');
    await user.clear(reasonBox());
    await user.type(reasonBox(), 'Legal hold');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(statusText()).toContain('Reason: Legal hold'));
    expect(crm.state.lock?.reason).toBe('Legal hold');
  });
});

describe('Unlocking', () => {
  it('asks for confirmation inline, then unlocks', async () => {
    const { user, crm } = await renderPanel({ lock: mine() });
    await user.click(button('Unlock record'));
    await screen.findByRole('group', { name: 'Unlock this record?' });
    const confirm = screen.getByRole('group', { name: 'Unlock this record?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(crm.made).not.toContain('unlock');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, unlock' }));
    await waitFor(() => expect(statusText()).toContain('Unlocked'));
    screen.getByText('Record unlocked.');
  });

  it('cancels with Escape and returns focus to the Unlock button', async () => {
    const { user, crm } = await renderPanel({ lock: mine() });
    await user.click(button('Unlock record'));
    await screen.findByRole('group', { name: 'Unlock this record?' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Unlock this record?' })).toBeNull();
    expect(document.activeElement).toBe(button('Unlock record'));
    expect(crm.made).not.toContain('unlock');
  });

  it('shows the current lock when it was replaced before the unlock', async () => {
    const { user, crm } = await renderPanel({ lock: mine() });
    await user.click(button('Unlock record'));
    await screen.findByRole('group', { name: 'Unlock this record?' });
    crm.state.lock = manualLock({ id: 'lock-9', lockedBy: { id: 'u-olga', name: 'Olga Other' } });
    await user.click(button('Yes, unlock'));
    await screen.findByText('Someone else unlocked this record and Olga Other locked it again.');
    expect(statusText()).toContain('Locked by Olga Other');
  });
});
