import { act, fireEvent, screen, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../../server/emulator';
import { demoUsers } from '../../support/demo-users';
import { APPLIED, FAULTS, locksOf, type Fault } from './faulty-connection';
import { openRecord, settled, type OpenRecord, compileParts } from './open-record';
import { button, english, errorWithRetry, reasonBox, shownLock } from './shown-state';

const { deals } = SEED;
const NOT_APPLIED = FAULTS.filter((f) => !APPLIED[f]);
const APPLIED_FAULTS = FAULTS.filter((f) => APPLIED[f]);
const rep = demoUsers.rep.user.id;

/** The message each fault must produce: what happened, and that the last known state is shown. */
const MESSAGE: Record<Fault, string> = {
  internalError: english['error.internal'],
  timeoutBefore: english['error.timeout'],
  timeoutAfter: english['error.timeout'],
  droppedBefore: english['error.connection'],
  droppedAfter: english['error.connection'],
  htmlPage: english['error.malformed'],
  foreignJson: english['error.malformed'],
  cutOffJson: english['error.malformed'],
  appliedThenHtml: english['error.malformed'],
};

const click = async (opened: OpenRecord, element: HTMLElement | null) => {
  if (!element) throw new Error('the control to click is not on screen');
  fireEvent.click(element);
  await settled(opened.model);
};

/** Opens the reason form with `open`, types `reason` and, with the faults queued, saves. */
const submitReason = async (opened: OpenRecord, open: HTMLElement | null, reason: string, ...faults: (Fault | undefined)[]) => {
  await click(opened, open);
  const box = await screen.findByRole('textbox', { name: 'Lock reason' }).catch(() => null);
  if (!box) throw new Error('the reason form did not open');
  fireEvent.input(box, { target: { value: reason } });
  opened.connection.failNext(...faults);
  await click(opened, button('action.save'));
};

const confirmUnlock = async (opened: OpenRecord, ...faults: (Fault | undefined)[]) => {
  await click(opened, button('action.unlock'));
  opened.connection.failNext(...faults);
  const confirm = screen.getByRole('group', { name: english['unlock.confirm.title'] });
  await click(opened, within(confirm).getByRole('button', { name: english['action.confirmUnlock'] }));
};

const posts = (opened: OpenRecord) => opened.connection.calls.filter((c) => c.method === 'POST').length;


beforeAll(compileParts);
describe('locking a record under faults', () => {
  const reason = 'Waiting for the signed contract';

  it.each(NOT_APPLIED)('after %s: says what happened, keeps the typed reason, and locks once on retry', async (fault) => {
    const opened = await openRecord('rep', 'Deals', deals.acmeRenewal);
    await submitReason(opened, button('action.lock'), reason, fault);

    expect(errorWithRetry()?.textContent).toContain(MESSAGE[fault]);
    expect(reasonBox()?.value).toBe(reason);
    expect(shownLock()).toEqual({ locked: false, byViewer: false, reason: null });
    expect(locksOf(opened.emulator, 'Deals', deals.acmeRenewal)).toEqual([]);

    await click(opened, within(errorWithRetry() ?? document.body).getByRole('button', { name: english['action.retry'] }));
    expect(shownLock()).toEqual({ locked: true, byViewer: true, reason });
    expect(errorWithRetry()).toBeNull();
    expect(locksOf(opened.emulator, 'Deals', deals.acmeRenewal)).toEqual([
      expect.objectContaining({ reason, lockedById: rep, source: 'Manual' }),
    ]);
  });

  it.each(APPLIED_FAULTS)('after %s on a POST that went through: reads the lock and shows it as ours', async (fault) => {
    const opened = await openRecord('rep', 'Deals', deals.acmeRenewal);
    await submitReason(opened, button('action.lock'), reason, fault);

    expect(shownLock()).toEqual({ locked: true, byViewer: true, reason });
    expect(errorWithRetry()).toBeNull();
    expect(locksOf(opened.emulator, 'Deals', deals.acmeRenewal)).toHaveLength(1);
    expect(posts(opened)).toBe(1);
  });

  it.each(APPLIED_FAULTS)(
    'after %s on a POST that went through and a failed re-read: keeps the reason, and the retry finds the lock instead of locking twice',
    async (fault) => {
      const opened = await openRecord('rep', 'Deals', deals.acmeRenewal);
      await submitReason(opened, button('action.lock'), reason, fault, 'droppedBefore');

      expect(errorWithRetry()).not.toBeNull();
      expect(reasonBox()?.value).toBe(reason);
      expect(shownLock().locked).toBe(false);

      await click(opened, within(errorWithRetry() ?? document.body).getByRole('button', { name: english['action.retry'] }));
      expect(shownLock()).toEqual({ locked: true, byViewer: true, reason });
      expect(errorWithRetry()).toBeNull();
      expect(locksOf(opened.emulator, 'Deals', deals.acmeRenewal)).toEqual([expect.objectContaining({ reason, lockedById: rep })]);
      expect(posts(opened)).toBe(1);
    },
  );
  it.each(APPLIED_FAULTS)(
    'after %s on a POST that went through and a failed re-read, saving again finds our lock instead of calling it refused',
    async (fault) => {
      const opened = await openRecord('rep', 'Deals', deals.acmeRenewal);
      await submitReason(opened, button('action.lock'), reason, fault, 'internalError');
      expect(shownLock().locked).toBe(false);

      opened.connection.failNext(undefined, 'internalError');
      await click(opened, button('action.save'));
      expect(shownLock()).toEqual({ locked: true, byViewer: true, reason });
      expect(errorWithRetry()).toBeNull();
      expect(locksOf(opened.emulator, 'Deals', deals.acmeRenewal)).toEqual([expect.objectContaining({ reason, lockedById: rep })]);
      expect(posts(opened)).toBe(1);
    },
  );
});

describe('editing the lock reason under faults', () => {
  const before = 'Pricing under legal review';
  const after = 'Legal review done, waiting for the CFO';

  it.each(NOT_APPLIED)('after %s: keeps the old reason on screen, the new one in the form, and saves it on retry', async (fault) => {
    const opened = await openRecord('rep', 'Deals', deals.hooliPricing);
    // The edit reads the lock before it writes: the fault hits the PUT.
    await submitReason(opened, button('action.editReason'), after, undefined, fault);

    expect(errorWithRetry()?.textContent).toContain(MESSAGE[fault]);
    expect(reasonBox()?.value).toBe(after);
    expect(shownLock().reason).toBe(before);
    expect(locksOf(opened.emulator, 'Deals', deals.hooliPricing)).toEqual([expect.objectContaining({ reason: before })]);

    await click(opened, within(errorWithRetry() ?? document.body).getByRole('button', { name: english['action.retry'] }));
    expect(shownLock()).toEqual({ locked: true, byViewer: true, reason: after });
    expect(locksOf(opened.emulator, 'Deals', deals.hooliPricing)).toEqual([expect.objectContaining({ reason: after })]);
  });

  it.each(FAULTS)('after %s on the read before the PUT: says what happened, sends no PUT, and saves on retry', async (fault) => {
    const opened = await openRecord('rep', 'Deals', deals.hooliPricing);
    // A second fault for any read after the failed one: a failed read is no reason to read again.
    await submitReason(opened, button('action.editReason'), after, fault, 'droppedBefore');
    opened.connection.clear();

    expect(errorWithRetry()?.textContent).toContain(MESSAGE[fault]);
    expect(screen.queryByText(english['notice.reasonSaved'])).toBeNull();
    expect(reasonBox()?.value).toBe(after);
    expect(shownLock().reason).toBe(before);
    expect(opened.connection.calls.filter((c) => c.method === 'PUT')).toEqual([]);

    await click(opened, within(errorWithRetry() ?? document.body).getByRole('button', { name: english['action.retry'] }));
    expect(shownLock()).toEqual({ locked: true, byViewer: true, reason: after });
    expect(locksOf(opened.emulator, 'Deals', deals.hooliPricing)).toEqual([expect.objectContaining({ reason: after })]);
  });

  it.each(APPLIED_FAULTS)('after %s on a PUT that went through: shows the saved reason', async (fault) => {
    const opened = await openRecord('rep', 'Deals', deals.hooliPricing);
    // The edit reads the lock before it writes: the fault hits the PUT.
    await submitReason(opened, button('action.editReason'), after, undefined, fault);

    expect(shownLock()).toEqual({ locked: true, byViewer: true, reason: after });
    expect(locksOf(opened.emulator, 'Deals', deals.hooliPricing)).toEqual([expect.objectContaining({ reason: after })]);
  });
});

describe('unlocking under faults', () => {
  it.each(NOT_APPLIED)('after %s: keeps showing the lock with a message, and unlocks on retry', async (fault) => {
    const opened = await openRecord('rep', 'Deals', deals.hooliPricing);
    await confirmUnlock(opened, fault);

    expect(errorWithRetry()?.textContent).toContain(MESSAGE[fault]);
    expect(shownLock().locked).toBe(true);
    expect(locksOf(opened.emulator, 'Deals', deals.hooliPricing)).toHaveLength(1);

    await click(opened, within(errorWithRetry() ?? document.body).getByRole('button', { name: english['action.retry'] }));
    expect(shownLock().locked).toBe(false);
    expect(locksOf(opened.emulator, 'Deals', deals.hooliPricing)).toEqual([]);
  });

  it.each(APPLIED_FAULTS)('after %s on a DELETE that went through: shows the record unlocked, by the viewer, not by "someone else"', async (fault) => {
    const opened = await openRecord('rep', 'Deals', deals.hooliPricing);
    await confirmUnlock(opened, fault);

    expect(shownLock().locked).toBe(false);
    expect(locksOf(opened.emulator, 'Deals', deals.hooliPricing)).toEqual([]);
    expect(screen.queryByText(english['notice.race.unlockedFirst'])).toBeNull();
  });
});

describe('a refusal whose re-read also fails', () => {
  it('still offers a retry while the panel may show a lock Zoho no longer has', async () => {
    const opened = await openRecord('rep', 'Deals', deals.hooliPricing);
    // The DELETE goes through but times out; the re-read fails; the confirm step stays open.
    await confirmUnlock(opened, 'timeoutAfter', 'internalError');
    expect(errorWithRetry()).not.toBeNull();
    // Confirming again: Zoho answers INVALID_DATA (the lock is gone) and the re-read fails once more.
    opened.connection.failNext(undefined, 'internalError');
    const confirm = screen.getByRole('group', { name: english['unlock.confirm.title'] });
    await click(opened, within(confirm).getByRole('button', { name: english['action.confirmUnlock'] }));

    expect(locksOf(opened.emulator, 'Deals', deals.hooliPricing)).toEqual([]);
    if (shownLock().locked) expect(errorWithRetry(), 'a stale "Locked" with no way to try again').not.toBeNull();
  });
});

describe('dismissing a failure whose outcome is unknown', () => {
  it('does not leave a state on screen that Zoho no longer has, without a word', async () => {
    const opened = await openRecord('rep', 'Deals', deals.hooliPricing);
    // The DELETE reaches Zoho but its answer is lost, and so is the re-read that would have told.
    await confirmUnlock(opened, 'droppedAfter', 'droppedBefore');
    expect(errorWithRetry()).not.toBeNull();
    expect(locksOf(opened.emulator, 'Deals', deals.hooliPricing)).toEqual([]);

    await click(opened, button('action.dismiss'));
    const stale = shownLock().locked;
    const warned = screen.queryAllByRole('alert').length > 0;
    expect(stale && !warned, 'the panel says "Locked", Zoho has no lock, and nothing says the state is uncertain').toBe(false);
  });
});

describe('starting under faults', () => {
  it.each(['internalError', 'droppedBefore', 'timeoutBefore', 'htmlPage'] as const)(
    'after %s on the first call: says the status could not be loaded and loads it on retry',
    async (fault) => {
      const opened = await openRecord('rep', 'Deals', deals.hooliPricing, { beforeStart: (c) => c.failNext(fault) });
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(english['start.failed']);
      await act(async () => {
        fireEvent.click(within(alert).getByRole('button', { name: english['action.retry'] }));
      });
      await screen.findByRole('status', { name: english['status.label'] });
      await settled(opened.model);
      expect(shownLock()).toEqual({ locked: true, byViewer: true, reason: 'Pricing under legal review' });
    },
  );
});
