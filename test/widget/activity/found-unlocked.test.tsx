import { cleanup, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { createMemoryStore, type KeyValueStore } from '../../../widget/host/storage';
import { call } from '../../emulator/call';
import { demoIdentity, demoUsers, type DemoUserKey } from '../../support/demo-users';
import { callLines, openWithActivity } from './open-activity';

/** How long a request is remembered (README). */
const THIRTY_DAYS = 30 * 24 * 60 * 60_000;

/** Open requests completed when their record is next found unlocked, with no call for records where none were known. */
const HOOLI = SEED.deals.hooliPricing;
const REQUEST = SEED.tasks.hooliUnlockRequest;
const ORG = '5843104000000000001';

let emulator: Emulator;
let entries: Map<string, string>;
let store: KeyValueStore;
beforeEach(() => {
  emulator = createEmulator();
  entries = new Map();
  store = createMemoryStore(entries);
});

const memoryKey = (who: DemoUserKey) => `recordlock.requests:${ORG}:${demoIdentity(who).user.id}`;
const taskOf = async (id: string) => (await call(emulator, 'GET', `/Tasks/${id}?fields=Status,Description`)).json.data[0];

/** Someone unlocks Hooli outside this panel: in Zoho CRM itself, or another window. */
async function unlockHooliElsewhere(token: string) {
  const answer = await call(emulator, 'DELETE', `/Deals/${HOOLI}/Locking_Information__s/${SEED.locks.hooliPricing}`, { token });
  expect(answer.status).toBe(200);
}

/** Opens the record in a new view of the same browser: a fresh panel over the shared storage. */
async function view(who: DemoUserKey, recordId = HOOLI) {
  cleanup();
  return openWithActivity(emulator, who, recordId, { store });
}

/** Opens the history and waits for its read, so that every call and write the panel made on opening is done. */
async function afterOpening(user: Awaited<ReturnType<typeof view>>['user']) {
  await user.click(screen.getByRole('button', { name: 'Show history' }));
  await waitFor(() => expect(screen.queryByText('Loading the history…')).toBeNull());
  await screen.findByText(/Only changes made with this panel are listed\./);
}

describe('unlock requests of a record found unlocked', () => {
  it.each([
    ['requester', 'intern', demoUsers.admin.token],
    ['locker', 'rep', demoUsers.rep.token],
  ] as const)('lets the %s’s next view complete their open request once the lock is gone', async (_role, who, unlocker) => {
    await view(who);
    await screen.findByText(who === 'intern' ? /Your request is open\./ : /Ivo Intern asked/);
    const asked = (await taskOf(REQUEST)).Description;
    await unlockHooliElsewhere(unlocker);

    const { host } = await view(who);
    await waitFor(async () => expect((await taskOf(REQUEST)).Status).toBe('Completed'));
    const lines = callLines(host.calls);
    expect(lines.filter((line) => line === 'POST /coql')).toHaveLength(1);
    expect(lines).toContain(`PUT /Tasks/${REQUEST}`);
    // Who unlocked is not known here: the description keeps its text, and no history note is written.
    expect((await taskOf(REQUEST)).Description).toBe(asked);
    expect(lines).not.toContain(`POST /Deals/${HOOLI}/Notes`);

    // Done and forgotten: the view after that spends no call on the requests.
    const next = await view(who);
    await afterOpening(next.user);
    expect(callLines(next.host.calls)).not.toContain('POST /coql');
  });

  it('remembers a request the viewer just sent, and completes it once the record is found unlocked', async () => {
    const lock = await call(emulator, 'POST', `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`, { body: { data: [{ Locked_Reason__s: 'Quarter close' }] } });
    expect(lock.status).toBe(201);
    const { user } = await view('manager', SEED.deals.acmeRenewal);
    await user.click(await screen.findByRole('button', { name: 'Ask to unlock' }));
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await screen.findByText('Request sent to Rita Rep.');
    const [created] = (await call(emulator, 'GET', `/Deals/${SEED.deals.acmeRenewal}/Tasks?fields=Status`)).json.data;
    await call(emulator, 'DELETE', `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s/${lock.json.data[0].details.id}`);

    await view('manager', SEED.deals.acmeRenewal);
    await waitFor(async () => expect((await taskOf(created.id)).Status).toBe('Completed'));
  });

  it('makes no request read for an unlocked record when nothing is remembered for it', async () => {
    // The intern's request on Hooli is remembered; Acme renewal has none.
    await view('intern');
    await screen.findByText(/Your request is open\./);
    const { host, user } = await view('intern', SEED.deals.acmeRenewal);
    await afterOpening(user);
    expect(callLines(host.calls)).not.toContain('POST /coql');
  });

  it('makes no request read without storage', async () => {
    await unlockHooliElsewhere(demoUsers.rep.token);
    cleanup();
    const { host, user } = await openWithActivity(emulator, 'intern', HOOLI);
    await afterOpening(user);
    expect(callLines(host.calls)).not.toContain('POST /coql');
  });

  type Entry = { version: number; key: string; records: { record: string; taskIds: string[]; savedAt: number }[] };
  it.each<[string, (entry: Entry, text: string) => string]>([
    ['not JSON', (_entry, text) => text.slice(0, -3)],
    ['of another shape', (entry) => JSON.stringify({ ...entry, records: entry.records.map((r) => ({ ...r, taskIds: r.taskIds.join(',') })) })],
    ['of another version', (entry) => JSON.stringify({ ...entry, version: entry.version + 1 })],
    ['written for another user', (entry) => JSON.stringify({ ...entry, key: memoryKey('manager') })],
    ['older than its time to live', (entry) => JSON.stringify({ ...entry, records: entry.records.map((r) => ({ ...r, savedAt: r.savedAt - THIRTY_DAYS - 1 })) })],
  ])('ignores a remembered entry %s: no read, and the request stays open', async (_what, tamper) => {
    const first = await view('intern');
    await screen.findByText(/Your request is open\./);
    await afterOpening(first.user);
    const text = entries.get(memoryKey('intern'));
    expect(text).toBeDefined();
    entries.set(memoryKey('intern'), tamper(JSON.parse(text!) as Entry, text!));
    await unlockHooliElsewhere(demoUsers.rep.token);

    const { host, user } = await view('intern');
    await afterOpening(user);
    expect(callLines(host.calls)).not.toContain('POST /coql');
    expect((await taskOf(REQUEST)).Status).not.toBe('Completed');
  });
});
