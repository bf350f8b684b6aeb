import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { call } from '../emulator/call';
import { useBrowserSuite } from '../support/browser-suite';
import { tasksOn } from '../support/emulator-locks';
import { harnessCalls } from '../support/harness-calls';
import { historyLines, openRecordPage, recordPageOf, WAIT } from '../support/record-page';

const suite = useBrowserSuite();
const ACME = SEED.deals.acmeRenewal;


describe('asking to unlock in the browser', () => {
  it('the intern asks, the rep sees the request and unlocks, the task is completed and the history tells it in order', async () => {
    const server = suite.server();
    const context = suite.context();
    const rep = await openRecordPage(context, server.url, { user: 'rep@example.com', record: ACME });
    await rep.widget.getByRole('button', { name: 'Lock record' }).click();
    await rep.widget.getByRole('textbox', { name: 'Lock reason' }).fill('Quarter close');
    await rep.widget.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => rep.status.innerText(), WAIT).toContain('Reason: Quarter close');

    const intern = await openRecordPage(context, server.url, { user: 'intern@example.com', record: ACME, locale: 'en_US' });
    await intern.widget.getByRole('button', { name: 'Ask to unlock' }).click();
    await intern.widget.getByRole('textbox', { name: 'Message' }).fill('The phone number is wrong');
    await intern.widget.getByRole('button', { name: 'Send request' }).click();
    await intern.widget.getByText('Request sent to Rita Rep.').waitFor(WAIT);

    await rep.page.reload();
    const repAgain = await openRecordPage(context, server.url, { user: 'rep@example.com', record: ACME });
    const requests = repAgain.widget.getByRole('list', { name: 'Unlock requests' });
    await expect.poll(() => requests.innerText(), WAIT).toContain('Message: The phone number is wrong');
    await repAgain.widget.getByRole('button', { name: 'Unlock', exact: true }).click();
    await repAgain.widget.getByRole('button', { name: 'Yes, unlock' }).click();
    await expect.poll(() => repAgain.status.innerText(), WAIT).toContain('Unlocked');
    await expect.poll(() => tasksOn(server.emulator, ACME).map((task) => task.Status), WAIT).toEqual(['Completed']);

    await expect.poll(() => historyLines(repAgain).then((lines) => lines.length), WAIT).toBe(3);
    const lines = await repAgain.widget.getByRole('list', { name: 'Lock history' }).getByRole('listitem').allInnerTexts();
    expect(lines[0]).toContain('Rita Rep unlocked the record');
    expect(lines[1]).toContain('Ivo Intern asked Rita Rep to unlock it');
    expect(lines[2]).toContain('Rita Rep locked the record');
  });

  it('the manager asks and the rep keeps the record locked with a reply the manager then sees', async () => {
    const server = suite.server();
    const context = suite.context();
    const manager = await openRecordPage(context, server.url, { user: 'manager@example.com', record: SEED.deals.hooliPricing });
    await manager.widget.getByRole('button', { name: 'Ask to unlock' }).click();
    await manager.widget.getByRole('button', { name: 'Send request' }).click();
    await manager.widget.getByText('Request sent to Rita Rep.').waitFor(WAIT);

    const rep = await openRecordPage(context, server.url, { user: 'rep@example.com', record: SEED.deals.hooliPricing });
    await rep.widget.getByRole('list', { name: 'Unlock requests' }).waitFor(WAIT);
    await rep.widget.getByRole('button', { name: 'Keep locked' }).click();
    await rep.widget.getByRole('textbox', { name: 'Reply' }).fill('Legal needs until Friday');
    await rep.widget.getByRole('button', { name: 'Keep locked' }).click();
    await rep.widget.getByText('The record stays locked; the people who asked can see your answer.').waitFor(WAIT);
    expect(await rep.status.innerText()).toContain('Reason: Pricing under legal review');

    await manager.page.reload();
    const managerAgain = await openRecordPage(context, server.url, { user: 'manager@example.com', record: SEED.deals.hooliPricing });
    await managerAgain.widget.getByText('Rita Rep kept this record locked.').waitFor(WAIT);
    await managerAgain.widget.getByText('Reply: Legal needs until Friday').waitFor(WAIT);
  });

  it('the intern’s next view completes their request once the rep has unlocked the record elsewhere, then reads requests no more', async () => {
    const server = suite.server();
    const hooli = { user: 'intern@example.com', record: SEED.deals.hooliPricing, locale: 'en_US' };
    const intern = await openRecordPage(suite.context(), server.url, hooli);
    await intern.widget.getByText(/Your request is open\./).waitFor(WAIT);
    await expect.poll(() => historyLines(intern).then((lines) => lines.length), WAIT).toBe(4);
    // The rep unlocks in Zoho CRM itself: the panel sees none of it.
    const unlocked = await call(server.emulator, 'DELETE', `/Deals/${SEED.deals.hooliPricing}/Locking_Information__s/${SEED.locks.hooliPricing}`);
    expect(unlocked.status).toBe(200);

    await intern.page.reload();
    const again = await recordPageOf(intern.page);
    expect(await again.status.innerText()).toContain('Unlocked');
    await expect.poll(() => tasksOn(server.emulator, SEED.deals.hooliPricing).map((task) => task.Status), WAIT).toEqual(['Completed']);
    expect((await harnessCalls(again.page)).filter((logged) => logged.path.includes('/coql'))).toHaveLength(1);

    await again.page.reload();
    const third = await recordPageOf(again.page);
    await expect.poll(() => historyLines(third).then((lines) => lines.length), WAIT).toBe(4);
    expect((await harnessCalls(third.page)).map((logged) => logged.path).filter((path) => path.includes('/coql'))).toEqual([]);
  });

  it('offers no request on an automatic lock', async () => {
    const manager = await openRecordPage(suite.context(), suite.server().url, { user: 'manager@example.com', record: SEED.deals.initechClosedWon });
    await manager.widget.getByText(/The rule “Closed Won deals” holds this lock, so it takes no unlock requests/).waitFor(WAIT);
    expect(await manager.widget.getByRole('button', { name: 'Ask to unlock' }).count()).toBe(0);
  });
});
