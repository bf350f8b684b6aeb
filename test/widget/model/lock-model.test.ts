import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../../../widget/crm/crm-error';
import { HostError } from '../../../widget/host/host';
import type { Language } from '../../../widget/i18n/locale';
import type { ConfirmedUnlock } from '../../../widget/model/unlock-follow-up';
import { buildModel, englishOnly, startedModel } from './build-model';
import { createFakeHost } from './fake-crm';
import { automaticLock, configuration, manager, manualLock } from './fixtures';

describe('createLockModel start()', () => {
  it('reads the page, user and environment together, then every record fact together', async () => {
    const { model, crm } = buildModel();
    const release = crm.pause();
    const started = model.start();
    // All five second-round calls are out before any of them has answered (the settings reads once their code is here).
    await vi.waitFor(() =>
      expect([...crm.made].sort()).toEqual(['getLock', 'getLockPermission', 'getLockingConfiguration', 'getReasonMaxLength', 'getRecord'].sort()),
    );
    release();
    await started;
    expect(model.phase.value).toBe('ready');
  });

  it('shows an unlocked record with the lock offered', async () => {
    const { model } = await startedModel();
    expect(model.lock.value).toBeNull();
    expect(model.permissions.value?.lock).toEqual({ allowed: true });
  });

  it('treats a module without configuration as unlocked and says locking is off', async () => {
    const { model } = await startedModel({ configuration: null });
    expect(model.phase.value).toBe('ready');
    expect(model.permissions.value?.lock).toEqual({ allowed: false, reason: 'noConfiguration' });
  });

  it('names the rule behind an automatic lock', async () => {
    const { model } = await startedModel({ lock: automaticLock() });
    expect(model.ruleName.value).toBe('Closed deals');
  });

  it("loads only the page's texts in the viewer's language", async () => {
    const asked: string[] = [];
    const host = createFakeHost({ user: { ...manager, locale: 'de_DE' } });
    const { model } = await startedModel({}, { host, loadMessages: async (language) => (asked.push(language), { 'status.locked': 'Gesperrt' }) });
    expect(asked).toEqual(['de']);
    expect(model.t.value('status.locked')).toBe('Gesperrt');
  });

  it("falls back to the English texts when the viewer's language cannot be fetched", async () => {
    const host = createFakeHost({ user: { ...manager, locale: 'de_DE' } });
    const loadMessages = async (language: Language) => (language === 'de' ? Promise.reject(new Error('offline')) : englishOnly(language));
    const { model } = await startedModel({}, { host, loadMessages });
    expect([model.phase.value, model.t.value('status.unlocked')]).toEqual(['ready', 'Unlocked']);
  });

  it('shows a German user German even when English cannot be fetched', async () => {
    const host = createFakeHost({ user: { ...manager, locale: 'de_DE' } });
    const loadMessages = async (language: Language) => {
      if (language === 'en') throw new Error('offline');
      return { 'status.locked': 'Gesperrt' };
    };
    const { model } = await startedModel({}, { host, loadMessages });
    expect(model.phase.value).toBe('ready');
    expect(model.t.value('status.locked')).toBe('Gesperrt');
  });

  it('fails with the built-in English line and a retry when no translation can be fetched', async () => {
    let online = false;
    const loadMessages = async (language: Language) => {
      if (!online) throw new Error('offline');
      return englishOnly(language);
    };
    const { model } = await startedModel({}, { loadMessages });
    expect(model.phase.value).toBe('failed');
    expect(model.startFailure.value).toMatchObject({ retryable: true });
    expect(model.t.value('start.failed')).toBe('The lock status could not be loaded.');
    expect(model.t.value('action.retry')).toBe('Try again');
    online = true;
    await model.retry();
    expect(model.phase.value).toBe('ready');
    expect(model.t.value('status.unlocked')).toBe('Unlocked');
  });

  it.each([
    ['outside Zoho CRM', new HostError('unavailable', 'no SDK'), 'unavailable', 'start.unavailable'],
    ['when PageLoad never comes', new HostError('timeout', 'no PageLoad'), 'failed', 'start.pageLoadTimeout'],
    ['when PageLoad names no record', new HostError('malformed', 'no EntityId'), 'failed', 'start.noRecord'],
  ])('stops with a message %s', async (_label, error, phase, message) => {
    const host = createFakeHost({ failures: { pageContext: error } });
    const { model, crm } = await startedModel({}, { host });
    expect(model.phase.value).toBe(phase);
    expect(model.startFailure.value?.message).toBe(message);
    expect(crm.made).toEqual([]);
  });

  it('offers a retry when the lock cannot be read, and recovers', async () => {
    const { model, crm } = buildModel({ lock: manualLock() });
    crm.failNext('getLock', new HostError('connection', 'offline'));
    await model.start();
    expect(model.phase.value).toBe('failed');
    expect(model.startFailure.value).toMatchObject({ message: 'error.connection', retryable: true });
    await model.retry();
    expect(model.phase.value).toBe('ready');
    expect(model.lock.value?.id).toBe('lock-1');
  });
});

describe('createLockModel lockRecord()', () => {
  it('shows the lock from Zoho answer without reading it again', async () => {
    const { model, crm } = await startedModel();
    crm.made.length = 0;
    await model.lockRecord('  Audit in progress  ');
    expect(crm.made).toEqual(['lock']);
    expect(model.lock.value).toMatchObject({ reason: 'Audit in progress', lockedBy: { id: manager.id } });
    expect(model.notice.value).toEqual({ key: 'notice.locked' });
    expect(model.draft.text.value).toBe('');
  });

  it.each([
    ['an empty reason', '   ', 'empty'],
    ['a reason over the limit', 'x'.repeat(11), 'tooLong'],
  ])('sends nothing for %s and keeps the text', async (_label, reason, problem) => {
    const { model, crm } = await startedModel({ maxLength: 10 });
    crm.made.length = 0;
    await model.lockRecord(reason);
    expect(crm.made).toEqual([]);
    expect(model.draft.problem.value?.problem).toBe(problem);
    expect(model.draft.text.value).toBe(reason);
  });

  it('keeps the length Zoho is known to accept when the field metadata names none', async () => {
    const { model } = await startedModel({ maxLength: null });
    expect(model.draft.maxLength.value).toBe(2000);
  });

  it('ignores a second submit while the first is in flight', async () => {
    const { model, crm } = await startedModel();
    await model.prepare();
    crm.made.length = 0;
    const release = crm.pause();
    const first = model.lockRecord('Audit');
    expect(model.inFlight.value).toBe('lock');
    const second = model.lockRecord('Audit');
    release();
    await Promise.all([first, second]);
    expect(crm.made).toEqual(['lock']);
  });

  it('shows who locked first when someone else won the race', async () => {
    const { model, crm } = await startedModel();
    model.openForm('lock');
    crm.state.lock = manualLock({ lockedBy: { id: 'u-other', name: 'Olga Other' } });
    await model.lockRecord('My reason');
    expect(model.lock.value?.lockedBy?.name).toBe('Olga Other');
    expect(model.notice.value).toEqual({ key: 'notice.race.lockedFirstBy', params: { name: 'Olga Other' } });
    expect(model.error.value).toBeNull();
    expect(model.draft.text.value).toBe('My reason');
  });

  it('treats a lost answer as success when the re-read finds our lock', async () => {
    const { model, crm } = await startedModel();
    crm.failNext('lock', new HostError('timeout', 'no answer'), { afterApplying: true });
    await model.lockRecord('Audit');
    expect(model.lock.value?.reason).toBe('Audit');
    expect(model.notice.value).toEqual({ key: 'notice.locked' });
    expect(model.error.value).toBeNull();
    expect(crm.made.filter((call) => call === 'lock')).toHaveLength(1);
  });

  it('reads the lock before repeating a lock whose answer was lost', async () => {
    const { model, crm } = await startedModel();
    crm.failNext('lock', new HostError('timeout', 'no answer'));
    crm.failNext('getLock', new HostError('timeout', 'still no answer'));
    await model.lockRecord('Audit');
    expect(model.error.value).toMatchObject({ message: 'error.timeout', retryable: true });
    // The first lock went through after all, unseen: the retry must find it, not lock twice.
    crm.state.lock = manualLock({ id: 'lock-late', reason: 'Audit', lockedBy: { id: manager.id, name: manager.fullName } });
    crm.made.length = 0;
    await model.retry();
    expect(crm.made).toEqual(['getLock']);
    expect(model.lock.value?.id).toBe('lock-late');
    expect(model.error.value).toBeNull();
  });

  it('counts a lock found on retry as ours though the reason was edited since, and keeps the edit ready to save', async () => {
    const { model, crm } = await startedModel();
    model.openForm('lock');
    crm.failNext('lock', new HostError('timeout', 'no answer'), { afterApplying: true });
    crm.failNext('getLock', new HostError('timeout', 'still no answer'));
    await model.lockRecord('Audit');
    expect(model.error.value?.retryable).toBe(true);
    model.draft.set('Audit 2');
    crm.made.length = 0;
    await model.retry();
    expect(crm.made).toEqual(['getLock']);
    expect(model.lock.value).toMatchObject({ reason: 'Audit', lockedBy: { id: manager.id } });
    expect(model.notice.value).toEqual({ key: 'notice.locked' });
    expect(model.error.value).toBeNull();
    expect(model.form.value).toBe('editReason');
    expect(model.draft.text.value).toBe('Audit 2');
  });

  it('counts a lock the viewer set in another window as locked, not as locked first by "someone"', async () => {
    const { model, crm } = await startedModel();
    model.openForm('lock');
    crm.state.lock = manualLock({ reason: 'From the other tab', lockedBy: { id: manager.id, name: manager.fullName } });
    await model.lockRecord('Audit');
    expect(model.notice.value).toEqual({ key: 'notice.locked' });
    expect(model.lock.value?.reason).toBe('From the other tab');
    expect(model.form.value).toBe('editReason');
    expect(model.draft.text.value).toBe('Audit');
  });

  it('keeps the last known state and the reason when the network fails', async () => {
    const { model, crm } = await startedModel();
    model.openForm('lock');
    crm.failNext('lock', new HostError('connection', 'offline'));
    crm.failNext('getLock', new HostError('connection', 'offline'));
    await model.lockRecord('Audit');
    expect(model.lock.value).toBeNull();
    expect(model.form.value).toBe('lock');
    expect(model.draft.text.value).toBe('Audit');
    expect(model.error.value?.message).toBe('error.connection');
  });

  it('stops offering the lock after Zoho answers NO_PERMISSION', async () => {
    const { model, crm } = await startedModel({ permission: 'unknown' });
    crm.state.permission = 'denied';
    await model.lockRecord('Audit');
    expect(model.error.value?.message).toBe('error.noPermission');
    expect(model.permissions.value?.lock).toEqual({ allowed: false, reason: 'noLockPermission' });
  });

  it.each([
    ['the configuration was removed', null, 'error.notAllowed.noConfiguration'],
    ['the module became automatic-only', configuration({ lockType: 'automatic' }), 'error.notAllowed.automaticOnly'],
  ])('explains a NOT_ALLOWED answer when %s', async (_label, changed, message) => {
    const { model, crm } = await startedModel();
    crm.state.configuration = changed;
    crm.failNext('lock', new CrmError('NOT_ALLOWED', 'refused', {}, 403));
    crm.failNext('getLock', new CrmError('NOT_ALLOWED', 'refused', {}, 400));
    await model.lockRecord('Audit');
    expect(model.error.value?.message).toBe(message);
  });

  it.each([
    ['NOT_APPROVED', new CrmError('NOT_APPROVED', 'not approved'), 'awaiting_approval', 'hold.awaitingApproval'],
    ['RECORD_LOCKED for Zia', new CrmError('RECORD_LOCKED', 'processing', { action: 'zia_vision_processing' }), 'zia_vision_processing', 'hold.ziaVisionProcessing'],
  ])('tells a hold apart from a lock when Zoho answers %s', async (_label, error, hold, message) => {
    const { model, crm } = await startedModel();
    crm.failNext('lock', error);
    await model.lockRecord('Audit');
    expect(model.hold.value).toBe(hold);
    expect(model.error.value?.message).toBe(message);
  });
});

describe('createLockModel updateReason() and unlockRecord()', () => {
  const mine = () => manualLock({ lockedBy: { id: manager.id, name: manager.fullName } });

  it('updates the reason locally after Zoho accepts it', async () => {
    const { model, crm } = await startedModel({ lock: mine() });
    model.openForm('editReason');
    expect(model.draft.text.value).toBe('Contract under review');
    crm.made.length = 0;
    await model.updateReason('New reason');
    // One extra read per edit, so that a reason changed meanwhile is never overwritten.
    expect(crm.made).toEqual(['getLock', 'updateReason']);
    expect(model.lock.value?.reason).toBe('New reason');
    expect(model.form.value).toBeNull();
  });

  it('shows the record unlocked after an unlock, with no re-read', async () => {
    const { model, crm } = await startedModel({ lock: mine() });
    crm.made.length = 0;
    await model.unlockRecord();
    expect(crm.made).toEqual(['unlock']);
    expect(model.lock.value).toBeNull();
    expect(model.notice.value).toEqual({ key: 'notice.unlocked' });
  });

  it('hands an unlock, with its trimmed reason, to the follow-up attached after it, and then at once', async () => {
    const { model } = await startedModel({ lock: mine() });
    const shown = model.lock.value;
    model.openForm('unlock');
    model.draft.set('  Contract signed  ');
    await model.unlockRecord();
    const seen: ConfirmedUnlock[] = [];
    const followUp = {
      async unlocked(unlock: ConfirmedUnlock) {
        seen.push(unlock);
        return { historyWritten: true, requestsAnswered: true };
      },
    };
    model.attachFollowUp(followUp);
    expect(seen).toEqual([{ record: model.record.value, lock: shown, by: 'Max Manager', reason: 'Contract signed' }]);
    // Attached, it hears the next unlock in the same turn as Zoho's answer.
    const { model: next } = await startedModel({ lock: mine() });
    next.attachFollowUp(followUp);
    await next.unlockRecord();
    expect(seen.at(-1)).toMatchObject({ reason: '' });
  });

  it.each([
    ['unlocked', null, { key: 'notice.race.unlockedFirst' }],
    ['unlocked and locked again', manualLock({ id: 'lock-2', lockedBy: { id: 'u-o', name: 'Olga Other' } }), { key: 'notice.race.changedFirstBy', params: { name: 'Olga Other' } }],
    ['unlocked and locked again by a rule', automaticLock(), { key: 'notice.race.changedFirst' }],
    ['changed the reason', manualLock({ lockedBy: { id: manager.id, name: manager.fullName }, reason: 'Their reason' }), { key: 'notice.race.reasonChangedFirst' }],
  ])('shows the current state when someone else %s first', async (_label, current, notice) => {
    const { model, crm } = await startedModel({ lock: mine() });
    model.openForm('editReason');
    crm.state.lock = current;
    await model.updateReason('New reason');
    expect(model.lock.value).toEqual(current);
    expect(model.notice.value).toEqual(notice);
    expect(model.draft.text.value).toBe('New reason');
  });

  it('says the record changed in another window when the new lock is the viewer\'s own', async () => {
    const { model, crm } = await startedModel({ lock: mine() });
    model.openForm('editReason');
    crm.state.lock = { ...mine(), id: 'lock-2' };
    await model.updateReason('New reason');
    expect(model.notice.value).toEqual({ key: 'notice.race.changedElsewhere' });
    expect(crm.state.lock.reason).toBe('Contract under review');
  });

  it('reports a failed read before the edit as it is, never as a saved reason', async () => {
    const { model, crm } = await startedModel({ lock: mine() });
    model.openForm('editReason');
    // Another window saved the same words meanwhile; this edit's first read gets no answer.
    crm.state.lock = { ...mine(), reason: 'New reason' };
    crm.failNext('getLock', new HostError('timeout', 'no answer'));
    crm.made.length = 0;
    await model.updateReason('New reason');
    expect(crm.made).toEqual(['getLock']);
    expect(model.error.value).toMatchObject({ message: 'error.timeout', retryable: true });
    expect(model.notice.value).toBeNull();
    expect(model.form.value).toBe('editReason');
  });

  it('treats an unlock whose answer was lost as done when the lock is gone', async () => {
    const { model, crm } = await startedModel({ lock: mine() });
    crm.failNext('unlock', new HostError('timeout', 'no answer'), { afterApplying: true });
    await model.unlockRecord();
    expect(model.lock.value).toBeNull();
    expect(model.notice.value).toEqual({ key: 'notice.unlocked' });
  });

  it('does not try to unlock an automatic lock', async () => {
    const { model, crm } = await startedModel({ lock: automaticLock() });
    crm.made.length = 0;
    await model.unlockRecord();
    expect(crm.made).toEqual([]);
  });
});

describe('createLockModel refresh()', () => {
  it('reads the lock again when the page becomes visible', async () => {
    const { model, crm, host } = await startedModel();
    crm.state.lock = manualLock();
    host.becomeVisible();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.lock.value?.id).toBe('lock-1');
    expect(model.phase.value).toBe('ready');
  });

  it('keeps the known lock and offers a retry when the re-read fails', async () => {
    const { model, crm } = await startedModel({ lock: manualLock() });
    crm.failNext('getLock', new HostError('connection', 'offline'));
    await model.refresh();
    expect(model.lock.value?.id).toBe('lock-1');
    expect(model.error.value?.retryable).toBe(true);
    crm.state.lock = null;
    await model.retry();
    expect(model.lock.value).toBeNull();
  });

  it('stops listening once disposed', async () => {
    const { model, crm, host } = await startedModel();
    model.dispose();
    crm.made.length = 0;
    host.becomeVisible();
    expect(crm.made).toEqual([]);
  });
});
