import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import type { Variant } from '../../../server/emulator/variants';
import manifestJson from '../../../plugin-manifest.json';
import { readManifest } from '../../../server/harness/manifest';
import { connectPanel } from '../../../widget/connect-panel';
import { createLockModel } from '../../../widget/model/lock-model';
import { LockPanel } from '../../../widget/ui/lock-panel';
import { demoIdentity } from '../../support/demo-users';
import { createMemoryHost } from '../../support/memory-host';
import { englishOnly } from '../model/build-model';
import { renderPanelOn, statusText } from './render-panel';

/** The record panel over the emulator where Zoho's docs pages, its OpenAPI files and its orgs may answer otherwise. */
const manifest = readManifest(manifestJson);
const USER_SCOPES = manifest.connections.find((connection) => connection.linkName === 'recordlock_user')?.scopes ?? [];
const ACME = SEED.deals.acmeRenewal;
const LOCK_PATH = '/crm/v8/Deals/{id}/Locking_Information__s';

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

interface OpenOptions {
  handle?: (request: Request) => Promise<Response>;
  /** The per-user connection's scopes; every scope by default. */
  userScopes?: readonly string[];
}

const openRep = (recordId: string, options: OpenOptions = {}) =>
  renderPanelOn({
    who: 'rep',
    recordId,
    handle: options.handle ?? emulator.handle,
    userToken: options.userScopes ? emulator.issueToken('rep@example.com', [...options.userScopes]) : undefined,
  });

const button = (name: string) => screen.getByRole('button', { name });
const reasonBox = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Lock reason' });
const lockLines = (calls: { method: string; url: string }[]) =>
  calls.filter((call) => call.url.includes('Locking_Information__s')).map((call) => call.method);

async function typeAndSave(user: ReturnType<typeof userEvent.setup>, reason: string) {
  await user.click(button('Lock record'));
  await screen.findByRole('textbox', { name: 'Lock reason' });
  await user.type(reasonBox(), reason);
  await user.click(button('Save'));
}

describe('the panel when Zoho confirms a lock with its id alone (minimal-lock-answer)', () => {
  beforeEach(() => emulator.setOptions({ variants: ['minimal-lock-answer'] }));

  it('counts it a success and reads the lock once to show it', async () => {
    const { host, user } = await openRep(ACME);
    host.calls.length = 0;
    await typeAndSave(user, 'Waiting for signed contract');
    await waitFor(() => expect(statusText()).toContain('Locked by you'));
    expect(statusText()).toContain('Reason: Waiting for signed contract');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Record locked.')).toBeTruthy();
    expect(lockLines(host.calls)).toEqual(['POST', 'GET']);
  });

  it('shows the lock as far as it is known when that read fails, and locks once', async () => {
    let posted = false;
    const handle = async (request: Request) => {
      if (posted && request.method === 'GET' && request.url.includes('Locking_Information__s')) {
        return Response.json({ code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' }, { status: 500 });
      }
      posted ||= request.method === 'POST';
      return emulator.handle(request);
    };
    const { host, user } = await openRep(ACME, { handle });
    host.calls.length = 0;
    await typeAndSave(user, 'Audit');
    await waitFor(() => expect(statusText()).toContain('Locked by you'));
    expect(statusText()).toContain('Reason: Audit');
    expect(lockLines(host.calls)).toEqual(['POST', 'GET']);
  });
});

describe('the panel when Zoho answers in a shape this version does not understand', () => {
  it('keeps the last known lock on screen and names the call and Zoho’s code to report', async () => {
    let odd = false;
    const handle = async (request: Request) =>
      odd && request.url.includes('Locking_Information__s') ? Response.json({ data: [{ code: 'SUCCESS', weird: true }] }) : emulator.handle(request);
    const { host, model } = await openRep(SEED.deals.hooliPricing, { handle });
    expect(statusText()).toContain('Reason: Pricing under legal review');
    odd = true;
    host.becomeVisible();
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(model.refreshing.value).toBe(false));
    expect(alert.textContent).toContain('Zoho CRM answered in a way this version of Record Lock does not understand. The last known state is shown');
    expect(alert.textContent).toContain(`with the call GET ${LOCK_PATH} and Zoho's code SUCCESS`);
    expect(statusText()).toContain('Reason: Pricing under legal review');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('says so on start-up too, with Try again, rather than a blank panel', async () => {
    const identity = demoIdentity('rep');
    const handle = async (request: Request) =>
      request.url.includes('Locking_Information__s') ? Response.json({ data: [{ id: 'not a lock' }] }) : emulator.handle(request);
    const host = createMemoryHost({ handle, page: { module: 'Deals', recordId: ACME }, user: identity.user, tokens: identity.tokens });
    const model = createLockModel({ host, connect: async () => connectPanel, loadMessages: englishOnly, now: () => new Date() });
    render(<LockPanel model={model} />);
    await model.start();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The lock status could not be loaded.');
    expect(alert.textContent).toContain(`with the call: GET ${LOCK_PATH}.`);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('keeps the typed reason in its form when the lock’s answer cannot be read and no lock came of it', async () => {
    const handle = async (request: Request) =>
      request.method === 'POST' ? new Response('<html>Service Unavailable</html>', { status: 503 }) : emulator.handle(request);
    const { user } = await openRep(ACME, { handle });
    await typeAndSave(user, 'Quarter close');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`Please report it to your administrator with the call: POST ${LOCK_PATH}.`);
    expect(reasonBox().value).toBe('Quarter close');
    expect(statusText()).toContain('Unlocked');
  });
});

describe('the panel and the scopes of the lock calls', () => {
  const CREATE_SCOPES = ['ZohoCRM.modules.lockinginformation.CREATE', 'ZohoCRM.settings.modules.CREATE', 'ZohoCRM.modules.deals.CREATE'];

  it('locks under the OpenAPI files’ reading with the manifest’s scopes (oas-lock-scopes)', async () => {
    emulator.setOptions({ variants: ['oas-lock-scopes'] });
    const { user } = await openRep(ACME, { userScopes: USER_SCOPES });
    await typeAndSave(user, 'Audit');
    await waitFor(() => expect(statusText()).toContain('Locked by you'));
  });

  it.each<[Variant[]]>([[[]], [['oas-lock-scopes']]])('names the missing scope under both readings, and where to add it (variants %j)', async (variants) => {
    emulator.setOptions({ variants });
    const { user } = await openRep(ACME, { userScopes: USER_SCOPES.filter((scope) => !CREATE_SCOPES.includes(scope)) });
    expect(statusText()).toContain('Unlocked');
    await typeAndSave(user, 'Audit');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`Zoho CRM refused POST ${LOCK_PATH}: the connection recordlock_user lacks a scope this call needs.`);
    expect(alert.textContent).toContain(
      "It needs ZohoCRM.modules.lockinginformation.CREATE (as Zoho's API documentation names it) or ZohoCRM.settings.modules.CREATE (as Zoho's OpenAPI files name it), and ZohoCRM.modules.deals.CREATE.",
    );
    expect(alert.textContent).toContain('An administrator adds the missing ones in Setup > Developer Hub > Connections, on the connection recordlock_user');
    expect(reasonBox().value).toBe('Audit');
  });
});
