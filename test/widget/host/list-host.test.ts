// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { parseListPageLoad } from '../../../widget/host/list-page-load';
import { createZohoListHost } from '../../../widget/host/zoho-list';
import { useSdkFrame } from './fake-zoho-sdk';

const frame = useSdkFrame();
const hostError = (kind: string) => expect.objectContaining({ name: 'HostError', kind });
const acme = '5843104000000410001';
const globex = '5843104000000410002';

describe('createZohoListHost in a list view button’s popup', () => {
  it('takes the selection from Zoho’s PageLoad for a list button', async () => {
    const host = createZohoListHost({ window: frame.window });
    await Promise.resolve();
    frame.fake.pageLoad({ Entity: 'Deals', EntityId: [acme, globex], ButtonPosition: 'ListView' });
    await expect(host.listContext()).resolves.toEqual({ module: 'Deals', recordIds: [acme, globex] });
  });

  it('reports a timeout when the popup never gets its PageLoad', async () => {
    vi.useFakeTimers();
    const host = createZohoListHost({ window: frame.window, timeoutMs: 1000 });
    const assertion = expect(host.listContext()).rejects.toEqual(hostError('timeout'));
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
  });

  it.each([
    { reload: true, call: 'closeReload' as const },
    { reload: false, call: 'close' as const },
  ])('closes Zoho’s popup with Popup.$call when asked to (reload: $reload)', async ({ reload, call }) => {
    const host = createZohoListHost({ window: frame.window });
    await expect(host.closePopup(reload)).resolves.toBe(true);
    expect(frame.fake.sdk.CRM.UI.Popup[call]).toHaveBeenCalledTimes(1);
    expect(frame.fake.sdk.CRM.UI.Popup[reload ? 'close' : 'closeReload']).not.toHaveBeenCalled();
  });

  it('says the popup stayed when Zoho answers false, fails, or its SDK has no Popup calls', async () => {
    const host = createZohoListHost({ window: frame.window });
    frame.fake.sdk.CRM.UI.Popup.closeReload.mockResolvedValueOnce(false);
    await expect(host.closePopup(true)).resolves.toBe(false);
    frame.fake.sdk.CRM.UI.Popup.closeReload.mockRejectedValueOnce({ code: 'ERROR' });
    await expect(host.closePopup(true)).resolves.toBe(false);
    delete (frame.fake.sdk.CRM.UI as { Popup?: unknown }).Popup;
    await expect(host.closePopup(true)).resolves.toBe(false);
  });

  it('outside Zoho CRM has no selection and closes nothing', async () => {
    delete frame.window.ZOHO;
    const host = createZohoListHost({ window: frame.window });
    await expect(host.listContext()).rejects.toEqual(hostError('unavailable'));
    await expect(host.closePopup(true)).resolves.toBe(false);
  });
});

describe('parseListPageLoad', () => {
  it.each([
    { what: 'an array of ids, in the list’s order, each once', EntityId: [globex, acme, globex], ids: [globex, acme] },
    { what: 'a single id, as a record’s PageLoad carries it', EntityId: acme, ids: [acme] },
    { what: 'an empty array: nothing selected', EntityId: [], ids: [] },
    { what: 'no EntityId at all', EntityId: undefined, ids: [] },
    { what: 'null', EntityId: null, ids: [] },
    { what: 'an empty string', EntityId: '', ids: [] },
  ])('accepts $what', ({ EntityId, ids }) => {
    expect(parseListPageLoad({ Entity: 'Deals', EntityId, ButtonPosition: 'ListView' })).toEqual({ module: 'Deals', recordIds: ids });
  });

  it.each([
    { what: 'no module', data: { EntityId: [acme] } },
    { what: 'a module that is no API name', data: { Entity: 'Deals/../x', EntityId: [acme] } },
    { what: 'an id that is not digits', data: { Entity: 'Deals', EntityId: [acme, 'abc'] } },
    { what: 'an id as a number, its last digits already lost', data: { Entity: 'Deals', EntityId: [5843104000000410001] } },
    { what: 'no object at all', data: 'Deals' },
  ])('refuses $what as malformed', ({ data }) => {
    expect(() => parseListPageLoad(data)).toThrow(expect.objectContaining({ name: 'HostError', kind: 'malformed' }));
  });
});
