import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { useBrowserSuite } from '../support/browser-suite';
import { locksOn } from '../support/emulator-locks';
import { failNextCall, harnessCalls, type HarnessFault } from '../support/harness-calls';
import { openRecordPage, WAIT, type RecordPage } from '../support/record-page';

const suite = useBrowserSuite();
const acme = SEED.deals.acmeRenewal;

async function openLockForm(view: RecordPage, reason: string): Promise<void> {
  await view.widget.getByRole('button', { name: 'Lock record' }).click();
  await view.widget.getByRole('textbox', { name: 'Lock reason' }).fill(reason);
}

describe('races and failed calls in the browser', () => {
  it('shows the loser of a race to lock the winner’s name and keeps the loser’s text', async () => {
    const context = suite.context();
    const url = suite.server().url;
    const rep = await openRecordPage(context, url, { user: 'rep@example.com', record: acme });
    const manager = await openRecordPage(context, url, { user: 'manager@example.com', record: acme });
    await openLockForm(rep, 'Rep: renewal signed');
    await openLockForm(manager, 'Manager: pricing review');

    await rep.widget.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => rep.status.innerText(), WAIT).toContain('Locked by you');
    await manager.widget.getByRole('button', { name: 'Save' }).click();

    await manager.widget.getByText('Rita Rep locked this record first.').waitFor();
    const seen = await manager.status.innerText();
    expect(seen).toContain('Locked by Rita Rep');
    expect(seen).toContain('Reason: Rep: renewal signed');
    expect(locksOn(suite.server().emulator, 'Deals', acme)).toEqual([expect.objectContaining({ reason: 'Rep: renewal signed' })]);
  });

  it('shows the winner when the other lock reached Zoho after the page loaded', async () => {
    const server = suite.server();
    const manager = await openRecordPage(suite.context(), server.url, { user: 'manager@example.com', record: acme });
    await openLockForm(manager, 'Manager: pricing review');
    const response = await server.emulator.handle(
      new Request(`https://www.zohoapis.com/crm/v8/Deals/${acme}/Locking_Information__s`, {
        method: 'POST',
        headers: { Authorization: 'Zoho-oauthtoken 1000.demo.rep', 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: [{ Locked_Reason__s: 'Locked from the CRM itself' }] }),
      }),
    );
    expect(response.status).toBe(201);

    await manager.widget.getByRole('button', { name: 'Save' }).click();
    await manager.widget.getByText('Rita Rep locked this record first.').waitFor();
    expect(await manager.status.innerText()).toContain('Locked by Rita Rep');
    expect(locksOn(server.emulator, 'Deals', acme)).toHaveLength(1);
  });

  it.each<{ fault: HarnessFault; loggedStatus: number | null; again: string }>([
    { fault: 'error', loggedStatus: 500, again: 'Try again' },
    { fault: 'error', loggedStatus: 500, again: 'Save' },
    { fault: 'drop', loggedStatus: null, again: 'Try again' },
    { fault: 'drop', loggedStatus: null, again: 'Save' },
  ])('keeps the typed reason when the lock call fails ($fault), and $again locks the deal once', async ({ fault, loggedStatus, again }) => {
    const view = await openRecordPage(suite.context(), suite.server().url, { user: 'rep@example.com', record: acme });
    await openLockForm(view, 'Waiting for the signed renewal');
    await failNextCall(view.page, fault);
    await view.widget.getByRole('button', { name: 'Save' }).click();

    const alert = view.widget.getByRole('alert');
    await alert.waitFor();
    expect(await view.widget.getByRole('textbox', { name: 'Lock reason' }).inputValue()).toBe('Waiting for the signed renewal');
    expect(await view.status.innerText()).toContain('Unlocked');
    expect((await harnessCalls(view.page)).filter((call) => call.method === 'POST').map((call) => call.status)).toEqual([loggedStatus]);

    await (again === 'Try again' ? alert : view.widget).getByRole('button', { name: again }).click();
    await expect.poll(() => view.status.innerText(), WAIT).toContain('Locked by you');
    expect(await view.status.innerText()).toContain('Reason: Waiting for the signed renewal');
    expect(await alert.count()).toBe(0);
    expect(locksOn(suite.server().emulator, 'Deals', acme)).toEqual([expect.objectContaining({ reason: 'Waiting for the signed renewal' })]);
  });

  it('shows the lock as set, once, when the lock went through but its answer was lost', async () => {
    const view = await openRecordPage(suite.context(), suite.server().url, { user: 'rep@example.com', record: acme });
    await openLockForm(view, 'Waiting for the signed renewal');
    await failNextCall(view.page, 'drop-after');
    await view.widget.getByRole('button', { name: 'Save' }).click();

    await expect.poll(() => view.status.innerText(), WAIT).toContain('Locked by you');
    expect(await view.status.innerText()).toContain('Reason: Waiting for the signed renewal');
    const lockPosts = (await harnessCalls(view.page)).filter((call) => call.method === 'POST' && call.path.includes('Locking_Information__s'));
    expect(lockPosts.map((call) => call.status)).toEqual([null]);
    expect(locksOn(suite.server().emulator, 'Deals', acme)).toHaveLength(1);
  });

  it('says Zoho did not answer in time when a lock call gets no answer, and keeps the reason', async () => {
    const context = suite.context();
    // The widget waits 15 s for an answer: a controlled clock lets the test skip that wait.
    await context.clock.install();
    const view = await openRecordPage(context, suite.server().url, { user: 'rep@example.com', record: acme });
    await openLockForm(view, 'Waiting for the signed renewal');
    await failNextCall(view.page, 'no-answer');
    await view.widget.getByRole('button', { name: 'Save' }).click();
    await view.widget.getByRole('textbox', { name: 'Lock reason' }).and(view.widget.locator('[readonly]')).waitFor();
    await context.clock.fastForward(16_000);

    const alert = view.widget.getByRole('alert');
    await alert.getByText('Zoho CRM did not answer in time. The last known state is shown.').waitFor();
    expect(await view.widget.getByRole('textbox', { name: 'Lock reason' }).inputValue()).toBe('Waiting for the signed renewal');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => view.status.innerText(), WAIT).toContain('Locked by you');
    expect(locksOn(suite.server().emulator, 'Deals', acme)).toHaveLength(1);
  });

  it('keeps the edited reason when the save fails, and "Try again" saves it', async () => {
    const view = await openRecordPage(suite.context(), suite.server().url, { user: 'manager@example.com', record: SEED.deals.hooliPricing });
    await view.widget.getByRole('button', { name: 'Edit reason' }).click();
    await view.widget.getByRole('textbox', { name: 'Lock reason' }).fill('Legal is done');
    await failNextCall(view.page, 'error');
    await view.widget.getByRole('button', { name: 'Save' }).click();

    const alert = view.widget.getByRole('alert');
    await alert.waitFor();
    expect(await view.widget.getByRole('textbox', { name: 'Lock reason' }).inputValue()).toBe('Legal is done');
    expect(await view.status.innerText()).toContain('Reason: Pricing under legal review');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => view.status.innerText(), WAIT).toContain('Reason: Legal is done');
    expect(locksOn(suite.server().emulator, 'Deals', SEED.deals.hooliPricing)).toEqual([expect.objectContaining({ reason: 'Legal is done' })]);
  });
});
