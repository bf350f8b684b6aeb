import { screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../../server/emulator/index';
import { callAs } from '../overview/render-overview';
import { kindOf, openList, summaryItems } from './render-list';

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

const { acmeRenewal, globexExpansion, wayneClosedLost, hooliPricing, initechClosedWon, soylentApproval } = SEED.deals;
const isLockWrite = (kind: string) => kind.startsWith('POST lock');

/** The record's notes of the panel's history, as an administrator reads them in Zoho. */
async function historyNotes(recordId: string): Promise<string[]> {
  const answer = await callAs(emulator, 'admin', 'GET', `/Deals/${recordId}/Notes?fields=Note_Title,Note_Content`);
  const notes = (answer?.data ?? []) as unknown as { Note_Title: string; Note_Content: string }[];
  return notes.filter((note) => note.Note_Title === 'Record Lock').map((note) => note.Note_Content);
}

async function lockWith(user: { type(element: Element, text: string): Promise<void>; click(element: Element): Promise<void> }, reason: string, count: number) {
  await user.type(screen.getByRole('textbox', { name: 'Lock reason' }), reason);
  await user.click(screen.getByRole('button', { name: count === 1 ? 'Lock 1 record' : `Lock ${count} records` }));
}

describe('the list view button’s lock run', () => {
  it('locks every selected record with one reason and writes each one’s history note: N changes, N notes, and the cold settings reads', async () => {
    const { calls, user } = await openList(emulator, 'manager', [acmeRenewal, globexExpansion, wayneClosedLost]);
    expect(screen.getByText('3 records selected')).toBeTruthy();
    const beforeRun = calls.map(kindOf).sort();
    expect(beforeRun).toEqual(['GET settings', 'GET settings', 'GET settings', 'POST coql']);

    await lockWith(user, 'Quarter end', 3);
    await screen.findByText('3 records locked.');
    const run = calls.slice(beforeRun.length).map(kindOf);
    expect(run.filter(isLockWrite)).toHaveLength(3);
    expect(run.filter((kind) => kind === 'POST note')).toHaveLength(3);
    // No read before a lock: Zoho refuses a second lock itself.
    expect(run).toHaveLength(6);
    for (const id of [acmeRenewal, globexExpansion, wayneClosedLost]) {
      expect(await historyNotes(id)).toEqual(['Max Manager locked this record. Reason: Quarter end']);
    }
  });

  it('reads no settings when the module’s are cached and fresh: one read of the selection, then N changes and N notes', async () => {
    const first = await openList(emulator, 'manager', [acmeRenewal]);
    const { calls, user } = await openList(emulator, 'manager', [globexExpansion, wayneClosedLost], { store: first.store });
    expect(calls.map(kindOf)).toEqual(['POST coql']);
    await lockWith(user, 'Quarter end', 2);
    await screen.findByText('2 records locked.');
    expect(calls).toHaveLength(1 + 2 + 2);
  });

  it.each([
    { what: 'an empty selection', ids: [] as string[], says: /No records are selected, so nothing was changed/ },
    {
      what: 'more records than one run takes',
      ids: Array.from({ length: 101 }, (_, i) => `5843104000000${500001 + i}`),
      says: /101 records are selected; one run takes at most 100\. Nothing was changed/,
    },
  ])('refuses $what before any call, and says why', async ({ ids, says }) => {
    const { calls, closed, user } = await openList(emulator, 'rep', ids);
    expect(screen.getByRole('alert').textContent).toMatch(says);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(closed).toEqual([false]);
  });

  it('names the selected ids Zoho does not show as Deals before anything is sent, and locks only the others', async () => {
    const strangers = [SEED.contacts.aliceSmith, '5843104000000999999'];
    const { calls, user } = await openList(emulator, 'manager', [strangers[0] ?? '', acmeRenewal, strangers[1] ?? '']);
    const statement = await screen.findByRole('status');
    expect(statement.textContent).toContain('2 selected records are not Deals records that Zoho CRM shows you');
    expect(statement.textContent).toContain(strangers.join(', '));
    await lockWith(user, 'Audit', 1);
    await screen.findByText('1 record locked.');
    expect(calls.map(kindOf).filter(isLockWrite)).toEqual([`POST lock ${acmeRenewal}`]);
  });

  it('says so and offers nothing to lock when Zoho shows none of the selected records', async () => {
    await openList(emulator, 'manager', ['5843104000000999999']);
    expect((await screen.findByRole('status')).textContent).toContain('None of the selected records is a Deals record that Zoho CRM shows you');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it.each([
    { what: 'an empty reason', reason: '   ', problem: 'Enter a reason for the lock.' },
    { what: 'a reason over Zoho’s limit', reason: 'x'.repeat(3001), problem: 'The reason has 3001 characters; Zoho CRM accepts at most 3000.' },
  ])('refuses $what before sending, and keeps it in the box', async ({ reason, problem }) => {
    const { calls, user } = await openList(emulator, 'manager', [acmeRenewal, globexExpansion]);
    const before = calls.length;
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Lock reason' });
    await user.click(box);
    await user.paste(reason);
    await user.click(screen.getByRole('button', { name: 'Lock 2 records' }));
    expect(screen.getByRole('alert').textContent).toBe(problem);
    expect(box.value).toBe(reason);
    expect(calls.length).toBe(before);
  });

  it('names each record it could not lock and why, reading a lock only after Zoho refused it', async () => {
    const { calls, user } = await openList(emulator, 'manager', [acmeRenewal, initechClosedWon, hooliPricing, soylentApproval]);
    const before = calls.length;
    await lockWith(user, 'Board review', 4);
    await screen.findByText('1 record locked.');
    expect(screen.getByText('3 records were not locked:')).toBeTruthy();
    expect(summaryItems()).toEqual([
      'Initech platform deal: a locking rule holds it.',
      'Hooli enterprise pricing: already locked by Rita Rep.',
      'Soylent discount: awaiting approval; Zoho CRM keeps it from changing until it is approved.',
    ]);
    const run = calls.slice(before).map(kindOf);
    // Each refused lock is read once, after its refusal; the approval hold needs no read.
    for (const id of [initechClosedWon, hooliPricing]) {
      expect(run.indexOf(`GET lock ${id}`)).toBeGreaterThan(run.indexOf(`POST lock ${id}`));
    }
    expect(run.filter((kind) => kind.startsWith('GET'))).toHaveLength(2);
  });

  it('tells a lock the viewer already held apart from one this run set, and writes no second note', async () => {
    await callAs(emulator, 'manager', 'POST', `/Deals/${acmeRenewal}/Locking_Information__s`, { data: [{ Locked_Reason__s: 'Quarter end' }] });
    const { user } = await openList(emulator, 'manager', [acmeRenewal, globexExpansion]);
    await lockWith(user, 'Quarter end', 2);
    await screen.findByText('1 record locked.');
    expect(summaryItems()).toEqual(['Acme renewal: you had already locked it; its reason stays as it was.']);
    expect(await historyNotes(acmeRenewal)).toEqual([]);
  });
});

describe('the list view button’s lock run when Zoho refuses or the connection fails', () => {
  /** Zoho's answer to a lock POST on `recordId`, in place of the emulator's. */
  const refusing = (recordId: string, status: number, body: unknown, times = 1) => {
    let left = times;
    return async (request: Request) => {
      if (left > 0 && request.method === 'POST' && request.url.includes(`/${recordId}/Locking_Information__s`)) {
        left -= 1;
        return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
      }
      return emulator.handle(request);
    };
  };

  it('says which record Zoho refused for want of the Lock permission, and forgets the cached settings that allowed it', async () => {
    const noPermission = { code: 'NO_PERMISSION', details: {}, message: 'permission denied', status: 'error' };
    const { store, user } = await openList(emulator, 'manager', [acmeRenewal, globexExpansion], { handle: refusing(globexExpansion, 403, noPermission) });
    const settingsKey = `recordlock.settings:5843104000000000001:${SEED.users.manager}:Deals`;
    expect(store.get(settingsKey)).not.toBeNull();
    await lockWith(user, 'Audit', 2);
    await screen.findByText('1 record locked.');
    expect(summaryItems()).toEqual(['Globex expansion: Zoho CRM refused, your profile does not have the Lock permission for it.']);
    expect(store.get(settingsKey)).toBeNull();
  });

  it('names Zoho’s code for an error, and a retry covers only the record that failed', async () => {
    const internal = { code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' };
    const { calls, user } = await openList(emulator, 'manager', [acmeRenewal, globexExpansion, wayneClosedLost], { handle: refusing(globexExpansion, 500, internal) });
    await lockWith(user, 'Audit', 3);
    await screen.findByText('2 records locked.');
    expect(summaryItems()).toEqual([
      'Globex expansion: not locked. Zoho CRM had an internal error. Try again in a moment. (Zoho CRM code INTERNAL_ERROR)',
    ]);
    const before = calls.length;
    await user.click(screen.getByRole('button', { name: 'Try again for 1 record' }));
    await screen.findByText('3 records locked.');
    expect(calls.slice(before).map(kindOf)).toEqual([`POST lock ${globexExpansion}`, 'POST note']);
    expect(summaryItems()).toEqual([]);
  });

  it('holds Try again back while Zoho’s API limit holds, and says until when', async () => {
    const limited = { code: 'TOO_MANY_REQUESTS', details: { retry_after: 120 }, message: 'Rate limit exceeded.', status: 'error' };
    const { user } = await openList(emulator, 'manager', [acmeRenewal, globexExpansion], { handle: refusing(globexExpansion, 429, limited) });
    await lockWith(user, 'Audit', 2);
    await screen.findByText('1 record locked.');
    expect(screen.queryByRole('button', { name: /Try again/ })).toBeNull();
    expect(screen.getByText(/^Try again after /)).toBeTruthy();
  });

  it('sends no more changes once Zoho’s API limit refused one, and names each record it held back', async () => {
    const large = createEmulator({ seed: 'large' });
    const listed = await large.handle(new Request('http://localhost/crm/v8/Deals?fields=Deal_Name,Locked__s&per_page=50', { headers: { Authorization: 'Zoho-oauthtoken 1000.demo.admin' } }));
    const { data } = (await listed.json()) as { data: { id: string; Locked__s: boolean }[] };
    const lockable = data.filter((deal) => !deal.Locked__s && deal.id.startsWith('58431040000005')).slice(0, 7).map((deal) => deal.id);
    const limited = { code: 'TOO_MANY_REQUESTS', details: { retry_after: 60 }, message: 'Rate limit exceeded.', status: 'error' };
    const handle = async (request: Request) =>
      request.method === 'POST' && request.url.includes('Locking_Information__s')
        ? new Response(JSON.stringify(limited), { status: 429, headers: { 'Content-Type': 'application/json' } })
        : large.handle(request);
    const { calls, user } = await openList(large, 'manager', lockable, { handle });
    await lockWith(user, 'Audit', 7);
    await screen.findByText('7 records were not locked:');
    // The three in flight when Zoho first refused are all that were sent.
    expect(calls.map(kindOf).filter(isLockWrite)).toHaveLength(3);
    expect(summaryItems().every((line) => line.includes('your organisation reached its API limit'))).toBe(true);
    expect(screen.getByText(/^Try again after /)).toBeTruthy();
  });

  it('keeps what was done when the connection is lost mid-run, says which records are unknown, and reads them before changing them again', async () => {
    let down = false;
    let dropped = false;
    const lockPost = (request: Request, recordId: string) => request.method === 'POST' && request.url.includes(`/${recordId}/Locking_Information__s`);
    const handle = async (request: Request) => {
      if (down) throw new Error('connection lost');
      // The connection drops as Wayne's lock is sent, which never reaches Zoho…
      if (!dropped && lockPost(request, wayneClosedLost)) {
        down = dropped = true;
        throw new Error('connection lost');
      }
      const answer = await emulator.handle(request);
      // …while Globex's, already on its way, reaches Zoho and its answer is lost.
      if (down && lockPost(request, globexExpansion)) throw new Error('connection lost');
      return answer;
    };
    const { calls, user } = await openList(emulator, 'manager', [acmeRenewal, globexExpansion, wayneClosedLost], { handle });
    await lockWith(user, 'Quarter end', 3);
    await screen.findByText('1 record locked.');
    expect(summaryItems().map((line) => line.split(':')[0])).toEqual(['Globex expansion', 'Wayne retrofit']);
    expect(summaryItems()[0]).toMatch(/not known whether it changed\. .* Trying again reads it first\./);
    // Acme's lock stands; its note was lost with the connection and is said so.
    expect(screen.getByText('1 change was made, but its lock history note could not be written:')).toBeTruthy();

    down = false;
    const before = calls.length;
    await user.click(screen.getByRole('button', { name: 'Try again for 2 records' }));
    await screen.findByText('3 records locked.');
    const retry = calls.slice(before).map(kindOf);
    // Each is read first: Globex's lock went through and is not sent again; Wayne's is sent now.
    expect(retry.filter(isLockWrite)).toEqual([`POST lock ${wayneClosedLost}`]);
    expect(retry.filter((kind) => kind.startsWith('GET lock')).sort()).toEqual([`GET lock ${globexExpansion}`, `GET lock ${wayneClosedLost}`].sort());

    await user.click(screen.getByRole('button', { name: 'Write the missing notes' }));
    await waitFor(() => expect(screen.queryByText(/could not be written/)).toBeNull());
    for (const id of [acmeRenewal, globexExpansion, wayneClosedLost]) {
      expect(await historyNotes(id)).toEqual(['Max Manager locked this record. Reason: Quarter end']);
    }
  });
});
