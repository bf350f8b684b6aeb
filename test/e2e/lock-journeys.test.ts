import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { useBrowserSuite } from '../support/browser-suite';
import { locksOn } from '../support/emulator-locks';
import { openRecordPage, WAIT } from '../support/record-page';

const suite = useBrowserSuite();
const RELATIVE_TIME = /\b(now|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago|yesterday)\b/;

describe('locking, editing and unlocking a deal in the browser', () => {
  it('shows a sales rep the lock they just set, with their reason and a relative time, and others see their name', async () => {
    const server = suite.server();
    const context = suite.context();
    const rep = await openRecordPage(context, server.url, { user: 'rep@example.com', record: SEED.deals.acmeRenewal });
    await expect.poll(() => rep.status.innerText(), WAIT).toContain('Unlocked');

    await rep.widget.getByRole('button', { name: 'Lock record' }).click();
    await rep.widget.getByRole('textbox', { name: 'Lock reason' }).fill('Waiting for the signed renewal');
    await rep.widget.getByRole('button', { name: 'Save' }).click();

    await expect.poll(() => rep.status.innerText(), WAIT).toContain('Reason: Waiting for the signed renewal');
    const shown = await rep.status.innerText();
    expect(shown).toContain('Locked');
    expect(shown).toMatch(/Locked by you/);
    expect(shown).toMatch(RELATIVE_TIME);

    const manager = await openRecordPage(context, server.url, { user: 'manager@example.com', record: SEED.deals.acmeRenewal });
    const seenByManager = await manager.status.innerText();
    expect(seenByManager).toContain('Locked by Rita Rep');
    expect(seenByManager).toMatch(RELATIVE_TIME);
    expect(seenByManager).toContain('Reason: Waiting for the signed renewal');
  });

  it('shows a manager the reason, who locked the deal and when, inline', async () => {
    const { status } = await openRecordPage(suite.context(), suite.server().url, {
      user: 'manager@example.com',
      record: SEED.deals.hooliPricing,
    });
    const shown = await status.innerText();
    expect(shown).toContain('Locked');
    expect(shown).toContain('Reason: Pricing under legal review');
    expect(shown).toMatch(new RegExp(`Locked by Rita Rep ${RELATIVE_TIME.source}`));
    // The seeded lock was set on 12 Jan 2026 at 14:30 New York time; the manager reads London time.
    expect(shown).toContain('Since 12 Jan 2026, 19:30');
    expect(shown).toContain('Locked by hand.');
  });

  it('keeps the reason the manager edited across a reload', async () => {
    const { page, widget, status } = await openRecordPage(suite.context(), suite.server().url, {
      user: 'manager@example.com',
      record: SEED.deals.hooliPricing,
    });
    await widget.getByRole('button', { name: 'Edit reason' }).click();
    const reason = widget.getByRole('textbox', { name: 'Lock reason' });
    await expect.poll(() => reason.inputValue(), WAIT).toBe('Pricing under legal review');
    await reason.fill('Legal approved the discount; waiting for the CFO');
    await widget.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => status.innerText(), WAIT).toContain('Reason: Legal approved the discount; waiting for the CFO');

    await page.reload();
    const reloaded = page.frameLocator('#record-lock-frame').getByRole('status', { name: 'Lock status' });
    await expect.poll(() => reloaded.innerText(), WAIT).toContain('Reason: Legal approved the discount; waiting for the CFO');
    expect(locksOn(suite.server().emulator, 'Deals', SEED.deals.hooliPricing)).toEqual([
      expect.objectContaining({ reason: 'Legal approved the discount; waiting for the CFO' }),
    ]);
  });

  it('unlocks the deal only after the manager confirms, then shows it unlocked', async () => {
    const { widget, status } = await openRecordPage(suite.context(), suite.server().url, {
      user: 'manager@example.com',
      record: SEED.deals.hooliPricing,
    });
    await widget.getByRole('button', { name: 'Unlock record' }).click();
    const confirm = widget.getByRole('group', { name: 'Unlock this record?' });
    await confirm.waitFor();
    expect(locksOn(suite.server().emulator, 'Deals', SEED.deals.hooliPricing)).toHaveLength(1);

    await confirm.getByRole('button', { name: 'Yes, unlock' }).click();
    await expect.poll(() => status.innerText(), WAIT).toContain('Unlocked');
    expect(await status.innerText()).not.toContain('Pricing under legal review');
    expect(await confirm.count()).toBe(0);
    expect(locksOn(suite.server().emulator, 'Deals', SEED.deals.hooliPricing)).toEqual([]);
  });
});
