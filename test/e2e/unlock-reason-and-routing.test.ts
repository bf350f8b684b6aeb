import { describe, expect, it } from 'vitest';
import { SEED, type Emulator } from '../../server/emulator/index';
import { call } from '../emulator/call';
import { useBrowserSuite } from '../support/browser-suite';
import { harnessCalls } from '../support/harness-calls';
import { historyLines, openRecordPage, WAIT } from '../support/record-page';

const suite = useBrowserSuite();
const HOOLI = SEED.deals.hooliPricing;
const { users } = SEED;

/** A record's tasks as the org of `variant` shows them (its own picklist names). */
const tasksOf = async (emulator: Emulator, recordId: string, list: 'Tasks' | 'Tasks_History', variant?: string) =>
  ((await call(emulator, 'GET', `/Deals/${recordId}/${list}?fields=Status,Priority,Owner,Description`, variant ? { headers: { 'X-Emulator-Variant': variant } } : {})).json?.data ??
    []) as { Status: string; Priority: string | null; Owner: { id: string }; Description: string }[];

describe('unlocking with a reason in the browser', () => {
  it('the rep unlocks Hooli with a reason: the intern’s request is answered with it and the history shows it', async () => {
    const server = suite.server();
    const rep = await openRecordPage(suite.context(), server.url, { user: 'rep@example.com', record: HOOLI });
    await rep.widget.getByRole('list', { name: 'Unlock requests' }).waitFor(WAIT);
    await rep.widget.getByRole('button', { name: 'Unlock', exact: true }).click();
    const confirm = rep.widget.getByRole('group', { name: 'Unlock this record?' });
    await confirm.getByRole('textbox', { name: 'Reason for unlocking (optional)' }).fill('Legal cleared the pricing');
    await confirm.getByRole('button', { name: 'Yes, unlock' }).click();
    await expect.poll(() => rep.status.innerText(), WAIT).toContain('Unlocked');
    await expect.poll(async () => (await tasksOf(server.emulator, HOOLI, 'Tasks_History'))[0]?.Description ?? '', WAIT).toContain(
      'Unlocked by Rita Rep. Reason: Legal cleared the pricing',
    );
    await expect.poll(() => historyLines(rep).then((lines) => lines[0] ?? ''), WAIT).toContain('Rita Rep unlocked the record');
    const [newest] = await rep.widget.getByRole('list', { name: 'Lock history' }).getByRole('listitem').allInnerTexts();
    expect(newest).toContain('Reason: Legal cleared the pricing');
  });
});

describe('asking to unlock when the locker has left, in the browser', () => {
  it('the intern’s request on Cyberdyne goes to its owner, Max Manager, who keeps it locked with a reply', async () => {
    const server = suite.server();
    const context = suite.context();
    const intern = await openRecordPage(context, server.url, { user: 'intern@example.com', record: SEED.deals.cyberdyneFormerLocker, locale: 'en_US' });
    await intern.widget.getByRole('button', { name: 'Ask to unlock' }).click();
    await intern.widget
      .getByText('Fiona Former, who locked this record, is no longer an active user, so your request goes to Max Manager, the record’s owner.')
      .waitFor(WAIT);
    await intern.widget.getByRole('textbox', { name: 'Message' }).fill('The purchase order arrived');
    await intern.widget.getByRole('button', { name: 'Send request' }).click();
    await intern.widget.getByText('Request sent to Max Manager.').waitFor(WAIT);
    expect((await tasksOf(server.emulator, SEED.deals.cyberdyneFormerLocker, 'Tasks'))[0]?.Owner.id).toBe(users.manager);
    // Who receives it was read on the org connection when the form opened: Fiona, then Max.
    const userReads = (await harnessCalls(intern.page)).filter((logged) => logged.path.includes('/users/')).map((logged) => `${logged.connection} ${logged.path}`);
    expect(userReads).toEqual([`recordlock_org /crm/v8/users/${users.former}`, `recordlock_org /crm/v8/users/${users.manager}`]);

    const manager = await openRecordPage(context, server.url, { user: 'manager@example.com', record: SEED.deals.cyberdyneFormerLocker });
    await manager.widget.getByRole('list', { name: 'Unlock requests' }).waitFor(WAIT);
    await manager.widget.getByRole('button', { name: 'Keep locked' }).click();
    await manager.widget.getByRole('textbox', { name: 'Reply' }).fill('Waiting for the signed copy');
    await manager.widget.getByRole('button', { name: 'Keep locked' }).click();
    await manager.widget.getByText('The record stays locked; the people who asked can see your answer.').waitFor(WAIT);
    await expect.poll(async () => (await tasksOf(server.emulator, SEED.deals.cyberdyneFormerLocker, 'Tasks')).length, WAIT).toBe(0);
  });

  it('the intern’s request on Tyrell, owned by the locker who left, goes to the administrator', async () => {
    const server = suite.server();
    const intern = await openRecordPage(suite.context(), server.url, { user: 'intern@example.com', record: SEED.deals.tyrellFormerLockerAndOwner, locale: 'en_US' });
    await intern.widget.getByRole('button', { name: 'Ask to unlock' }).click();
    await intern.widget
      .getByText('Fiona Former, who locked this record, is no longer an active user and the record’s owner cannot answer, so your request goes to Amelia Admin, an administrator.')
      .waitFor(WAIT);
    await intern.widget.getByRole('button', { name: 'Send request' }).click();
    await intern.widget.getByText('Request sent to Amelia Admin.').waitFor(WAIT);
    expect((await tasksOf(server.emulator, SEED.deals.tyrellFormerLockerAndOwner, 'Tasks'))[0]?.Owner.id).toBe(users.admin);
    await expect.poll(() => historyLines(intern).then((lines) => lines[0] ?? ''), WAIT).toContain('Ivo Intern asked Amelia Admin to unlock it');
  });
});

describe('an org whose Tasks picklists are its own, through the harness (&variant=task-picklists)', () => {
  it('asks with the org’s name for High, and the locker’s Keep locked completes with its name for Completed', async () => {
    const server = suite.server();
    const context = suite.context();
    const variant = 'task-picklists';
    const manager = await openRecordPage(context, server.url, { user: 'manager@example.com', record: HOOLI, variant });
    await manager.widget.getByRole('button', { name: 'Ask to unlock' }).click();
    await manager.widget.getByText('Your request goes to Rita Rep, who locked this record.').waitFor(WAIT);
    await manager.widget.getByRole('button', { name: 'Send request' }).click();
    await manager.widget.getByText('Request sent to Rita Rep.').waitFor(WAIT);
    const asked = await tasksOf(server.emulator, HOOLI, 'Tasks', variant);
    expect(asked.map((task) => [task.Status, task.Priority])).toEqual([
      ['Open', 'Important'],
      ['Open', 'Important'],
    ]);

    const rep = await openRecordPage(context, server.url, { user: 'rep@example.com', record: HOOLI, variant });
    await expect.poll(() => rep.widget.getByRole('list', { name: 'Unlock requests' }).getByRole('listitem').count(), WAIT).toBe(2);
    await rep.widget.getByRole('button', { name: 'Keep locked' }).click();
    await rep.widget.getByRole('button', { name: 'Keep locked' }).click();
    await rep.widget.getByText('The record stays locked; the people who asked can see your answer.').waitFor(WAIT);
    await expect.poll(async () => (await tasksOf(server.emulator, HOOLI, 'Tasks_History', variant)).map((task) => task.Status), WAIT).toEqual(['Done', 'Done']);
    expect(await tasksOf(server.emulator, HOOLI, 'Tasks', variant)).toEqual([]);
  });
});
