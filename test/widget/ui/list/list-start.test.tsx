import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../../server/emulator/index';
import { connectList } from '../../../../widget/connect-list';
import { HostError, type ListHost } from '../../../../widget/host/host';
import { createMemoryStore } from '../../../../widget/host/storage';
import { createListModel } from '../../../../widget/model/list-model';
import { ListPage } from '../../../../widget/ui/list/list-page';
import { demoIdentity } from '../../../support/demo-users';
import { createMemoryHost } from '../../../support/memory-host';
import { englishOnly } from '../../model/build-model';
import { kindOf, openList } from './render-list';

let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

/** The popup started over a host whose PageLoad fails as given. */
async function openWithPageLoad(listContext: ListHost['listContext']) {
  const identity = demoIdentity('rep');
  const memory = createMemoryHost({ handle: emulator.handle, page: { module: 'Deals', recordId: '0' }, user: identity.user, tokens: identity.tokens });
  const host: ListHost = { ...memory, listContext, closePopup: async () => true };
  const model = createListModel({ host, connect: async () => connectList, loadMessages: englishOnly, store: createMemoryStore(), now: () => new Date() });
  document.body.replaceChildren();
  render(<ListPage model={model} />, { container: document.body.appendChild(document.createElement('main')) });
  await model.start();
  return memory.calls;
}

describe('the list view button’s start', () => {
  it.each([
    { what: 'never gets Zoho’s PageLoad', error: new HostError('timeout', 'PageLoad'), says: 'Zoho CRM did not say which records are selected.' },
    { what: 'gets a PageLoad it cannot read', error: new HostError('malformed', 'PageLoad'), says: 'Zoho CRM named the selected records in a form this page does not understand' },
    { what: 'runs outside Zoho CRM', error: new HostError('unavailable', 'no SDK'), says: 'Open this page from a list view’s Lock records button inside Zoho CRM' },
  ])('says so, and sends nothing, when it $what', async ({ error, says }) => {
    const calls = await openWithPageLoad(() => Promise.reject(error));
    expect(document.body.textContent).toContain(says);
    expect(calls).toEqual([]);
  });

  it('says the selection could not be read, with a retry that reads it again', async () => {
    let refuse = true;
    const handle = async (request: Request) => {
      if (refuse && new URL(request.url).pathname.endsWith('/coql')) {
        refuse = false;
        return new Response(JSON.stringify({ code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' }), { status: 500 });
      }
      return emulator.handle(request);
    };
    const { calls } = await openList(emulator, 'manager', [SEED.deals.acmeRenewal], { handle });
    expect(screen.getByRole('alert').textContent).toContain('The selected records could not be read.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('1 record selected');
    expect(calls.map(kindOf).filter((kind) => kind === 'POST coql')).toHaveLength(2);
  });
});
