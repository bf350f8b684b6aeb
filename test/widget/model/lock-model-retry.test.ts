import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../widget/crm/crm-error';
import { HostError } from '../../../widget/host/host';
import { startedModel } from './build-model';
import { manager, manualLock } from './fixtures';

const mine = () => manualLock({ lockedBy: { id: manager.id, name: manager.fullName } });

describe('createLockModel retry()', () => {
  it('reads the lock instead of sending again once Zoho has denied the permission', async () => {
    const { model, crm } = await startedModel({ permission: 'unknown' });
    crm.state.permission = 'denied';
    crm.failNext('getLock', new HostError('timeout', 'no answer'));
    await model.lockRecord('Audit');
    expect(model.error.value?.retryable).toBe(true);
    expect(model.permissions.value?.lock).toEqual({ allowed: false, reason: 'noLockPermission' });
    crm.made.length = 0;
    await model.retry();
    expect(crm.made).toEqual(['getLock']);
    expect(model.error.value).toBeNull();
  });

  const olgas = () => manualLock({ id: 'lock-2', lockedBy: { id: 'u-olga', name: 'Olga Other' } });

  it.each([
    ['someone else relocked it', olgas(), { key: 'notice.race.changedFirstBy', params: { name: 'Olga Other' } }],
    ['someone else unlocked it', null, { key: 'notice.race.unlockedFirst' }],
    ['the viewer relocked it in another window', { ...mine(), id: 'lock-2' }, { key: 'notice.race.changedElsewhere' }],
  ])('saves no reason on Try again after a re-read shows %s, and says what happened', async (_label, current, notice) => {
    const { model, crm } = await startedModel({ lock: mine() });
    model.openForm('editReason');
    crm.failNext('updateReason', new CrmError('INTERNAL_ERROR', 'oops', {}, 500));
    await model.updateReason('New reason');
    expect(model.error.value?.retryable).toBe(true);
    crm.state.lock = current;
    await model.refresh();
    crm.made.length = 0;
    await model.retry();
    expect(crm.made).not.toContain('updateReason');
    expect(crm.state.lock).toEqual(current);
    expect(model.notice.value).toEqual(notice);
    expect(model.error.value).toBeNull();
    expect(model.draft.text.value).toBe('New reason');
  });

  it('does not unlock on Try again a lock that someone else set after the unlock failed', async () => {
    const { model, crm } = await startedModel({ lock: mine() });
    model.openForm('unlock');
    crm.failNext('unlock', new CrmError('INTERNAL_ERROR', 'oops', {}, 500));
    await model.unlockRecord();
    expect(model.error.value?.retryable).toBe(true);
    crm.state.lock = olgas();
    await model.refresh();
    crm.made.length = 0;
    await model.retry();
    expect(crm.made).not.toContain('unlock');
    expect(crm.state.lock).toEqual(olgas());
    expect(model.lock.value).toEqual(olgas());
    expect(model.notice.value).toEqual({ key: 'notice.race.changedFirstBy', params: { name: 'Olga Other' } });
    expect(model.form.value).toBeNull();
  });

  it('repeats the unlock on Try again while the lock shown is still the one confirmed', async () => {
    const { model, crm } = await startedModel({ lock: mine() });
    crm.failNext('unlock', new CrmError('INTERNAL_ERROR', 'oops', {}, 500));
    await model.unlockRecord();
    await model.refresh();
    await model.retry();
    expect(crm.state.lock).toBeNull();
    expect(model.notice.value).toEqual({ key: 'notice.unlocked' });
  });

  it('reads the lock instead of saving when the edit form was closed before Try again', async () => {
    const { model, crm } = await startedModel({ lock: mine() });
    model.openForm('editReason');
    crm.failNext('updateReason', new CrmError('INTERNAL_ERROR', 'oops', {}, 500));
    await model.updateReason('New reason');
    model.closeForm();
    crm.made.length = 0;
    await model.retry();
    expect(crm.made).toEqual(['getLock']);
    expect(model.lock.value?.reason).toBe('Contract under review');
    expect(model.error.value).toBeNull();
  });
});

describe('createLockModel re-reads overtaken by a change', () => {
  it('drops a visibility re-read that began before an unlock', async () => {
    const { model, crm, host } = await startedModel({ lock: mine() });
    const answerLateRead = crm.delayNextRead();
    host.becomeVisible();
    await model.unlockRecord();
    expect(model.lock.value).toBeNull();
    answerLateRead();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.refreshing.value).toBe(false);
    expect(model.lock.value).toBeNull();
    expect(model.notice.value).toEqual({ key: 'notice.unlocked' });
  });

  it('drops the re-read after a dismissed failure when a change finished meanwhile', async () => {
    const { model, crm } = await startedModel({ lock: mine() });
    crm.failNext('unlock', new HostError('timeout', 'no answer'));
    crm.failNext('getLock', new HostError('timeout', 'no answer'));
    await model.unlockRecord();
    expect(model.error.value?.message).toBe('error.timeout');
    const answerLateRead = crm.delayNextRead();
    // Dismissing an unknown outcome reads the lock again; the unlock is repeated meanwhile.
    model.dismissError();
    await model.unlockRecord();
    expect(model.lock.value).toBeNull();
    answerLateRead();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.refreshing.value).toBe(false);
    expect(model.lock.value).toBeNull();
  });
});
