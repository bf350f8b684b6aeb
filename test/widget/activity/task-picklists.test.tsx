import { screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { createMemoryStore } from '../../../widget/host/storage';
import { call } from '../../emulator/call';
import { openWithActivity } from './open-activity';

/** The Tasks picklists an unlock request sends and completes with: the org's own, read once and cached. */
const HOOLI = SEED.deals.hooliPricing;
const ACME = SEED.deals.acmeRenewal;
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator({ variants: ['task-picklists'] });
});

const button = (name: string) => screen.getByRole('button', { name });
const tasksOn = async (recordId: string, list: 'Tasks' | 'Tasks_History') =>
  (await call(emulator, 'GET', `/Deals/${recordId}/${list}?fields=Status,Priority,Owner,Description`)).json?.data ?? [];
/** The reads of the Tasks picklists (the panel's start reads the lock reason's field length the same way). */
const fieldReads = (calls: { url: string }[]) => calls.filter((c) => c.url.includes('/settings/fields?module=Tasks'));

async function keepLocked(reply: string) {
  const { user, host } = await openWithActivity(emulator, 'rep', HOOLI);
  await screen.findByRole('list', { name: 'Unlock requests' });
  await user.click(button('Keep locked'));
  await user.type(screen.getByRole('textbox', { name: 'Reply' }), reply);
  await user.click(button('Keep locked'));
  await screen.findByText('The record stays locked; the people who asked can see your answer.');
  return host;
}

describe('an org whose Tasks picklists are its own (task-picklists)', () => {
  it('asks with its name for High and no Status, so the task starts at the org’s default', async () => {
    await call(emulator, 'POST', `/Deals/${ACME}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: 'Quarter close' }] } });
    const { user, host } = await openWithActivity(emulator, 'manager', ACME);
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText('Your request goes to Rita Rep, who locked this record.');
    await user.click(button('Send request'));
    await screen.findByText('Request sent to Rita Rep.');
    expect(await tasksOn(ACME, 'Tasks')).toEqual([expect.objectContaining({ Status: 'Open', Priority: 'Important' })]);
    const sent = host.calls.find((c) => c.method === 'POST' && c.url.endsWith('/Tasks'));
    expect(sent?.body).not.toHaveProperty('data.0.Status');
    expect(fieldReads(host.calls)).toHaveLength(1);
  });

  it('completes a request with its name for Completed ("Done"), which closes the task', async () => {
    await keepLocked('Not before Friday');
    expect(await tasksOn(HOOLI, 'Tasks')).toEqual([]);
    expect((await tasksOn(HOOLI, 'Tasks_History'))[0]).toMatchObject({ Status: 'Done' });
  });

  it('reads the picklists once, then takes them from the widget origin’s storage in the next view', async () => {
    const store = createMemoryStore();
    await call(emulator, 'POST', `/Deals/${ACME}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: 'Quarter close' }] } });
    const first = await openWithActivity(emulator, 'manager', ACME, { store });
    await first.user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await first.user.click(await screen.findByRole('button', { name: 'Send request' }));
    await screen.findByText('Request sent to Rita Rep.');
    expect(fieldReads(first.host.calls)).toHaveLength(1);
    document.body.innerHTML = '';
    const second = await openWithActivity(emulator, 'rep', ACME, { store });
    await screen.findByRole('list', { name: 'Unlock requests' });
    await second.user.click(button('Keep locked'));
    await second.user.click(button('Keep locked'));
    await screen.findByText('The record stays locked; the people who asked can see your answer.');
    expect(fieldReads(second.host.calls)).toEqual([]);
    expect((await tasksOn(ACME, 'Tasks_History'))[0]).toMatchObject({ Status: 'Done' });
  });

  it('reads the picklists again when Zoho refuses a cached value the org renamed since, and completes with the new one', async () => {
    const store = createMemoryStore();
    emulator.setOptions({ variants: [] });
    await call(emulator, 'POST', `/Deals/${ACME}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: 'Quarter close' }] } });
    const first = await openWithActivity(emulator, 'manager', ACME, { store });
    await first.user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await first.user.click(await screen.findByRole('button', { name: 'Send request' }));
    await screen.findByText('Request sent to Rita Rep.');
    document.body.innerHTML = '';
    // An administrator renames "Completed" to "Done" meanwhile.
    emulator.setOptions({ variants: ['task-picklists'] });
    const second = await openWithActivity(emulator, 'rep', ACME, { store });
    await screen.findByRole('list', { name: 'Unlock requests' });
    second.host.calls.length = 0;
    await second.user.click(button('Keep locked'));
    await second.user.click(button('Keep locked'));
    await screen.findByText('The record stays locked; the people who asked can see your answer.');
    const puts = second.host.calls.filter((c) => c.method === 'PUT').map((c) => (c.body as { data: { Status?: string }[] }).data[0]?.Status);
    expect(puts).toEqual(['Completed', 'Done']);
    expect(fieldReads(second.host.calls)).toHaveLength(1);
    expect((await tasksOn(ACME, 'Tasks_History'))[0]).toMatchObject({ Status: 'Done' });
  });
});

describe('an org whose Status has no completed value', () => {
  const withoutCompleted = (request: Request, emu: Emulator) =>
    new URL(request.url).pathname.endsWith('/settings/fields') && new URL(request.url).searchParams.get('module') === 'Tasks'
      ? Promise.resolve(
          Response.json({
            fields: [
              { api_name: 'Status', pick_list_values: [{ display_value: 'Open', actual_value: 'Not Started' }, { display_value: 'Cancelled', actual_value: 'Cancelled' }] },
              { api_name: 'Priority', pick_list_values: [{ display_value: 'Urgent', actual_value: 'Highest' }] },
            ],
          }),
        )
      : emu.handle(request);

  it('still answers: the reply goes into the task’s description, the task stays open in Zoho, and the panel counts the request answered', async () => {
    emulator.setOptions({ variants: [] });
    const { user, host } = await openWithActivity(emulator, 'rep', HOOLI, { handle: withoutCompleted });
    await screen.findByRole('list', { name: 'Unlock requests' });
    await user.click(button('Keep locked'));
    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Legal first');
    host.calls.length = 0;
    await user.click(button('Keep locked'));
    await screen.findByText('The record stays locked; the people who asked can see your answer.');
    const put = host.calls.find((c) => c.method === 'PUT');
    expect(Object.keys((put?.body as { data: object[] }).data[0] ?? {})).toEqual(['Description']);
    const [task] = await tasksOn(HOOLI, 'Tasks');
    expect(task).toMatchObject({ Status: 'Not Started', Description: expect.stringContaining('Reply from Rita Rep: Legal first') });
    document.body.innerHTML = '';
    await openWithActivity(emulator, 'intern', HOOLI, { handle: withoutCompleted });
    await screen.findByText('Rita Rep kept this record locked.');
    within(document.body).getByRole('button', { name: 'Ask to unlock' });
  });

  it('asks with no Priority when the org has no High, rather than send a value it lacks', async () => {
    emulator.setOptions({ variants: [] });
    await call(emulator, 'POST', `/Deals/${ACME}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: 'Quarter close' }] } });
    const { user, host } = await openWithActivity(emulator, 'manager', ACME, { handle: withoutCompleted });
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await screen.findByText('Your request goes to Rita Rep, who locked this record.');
    await user.click(button('Send request'));
    await screen.findByText('Request sent to Rita Rep.');
    const sent = host.calls.find((c) => c.method === 'POST' && c.url.endsWith('/Tasks'));
    expect(Object.keys((sent?.body as { data: object[] }).data[0] ?? {})).not.toContain('Priority');
    await waitFor(async () => expect(await tasksOn(ACME, 'Tasks')).toHaveLength(1));
  });
});
