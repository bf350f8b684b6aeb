// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createZohoTabHost } from '../../../widget/host/zoho-tab';
import { createFakeZohoSdk } from './fake-zoho-sdk';

let frame: HTMLIFrameElement;
let widgetWindow: Window & typeof globalThis & { ZOHO?: unknown };
let fake: ReturnType<typeof createFakeZohoSdk>;

beforeEach(() => {
  frame = document.createElement('iframe');
  document.body.append(frame);
  widgetWindow = frame.contentWindow as typeof widgetWindow;
  fake = createFakeZohoSdk();
  widgetWindow.ZOHO = fake.sdk;
});

afterEach(() => {
  frame.remove();
  vi.useRealTimers();
});

const hostError = (kind: string) => expect.objectContaining({ name: 'HostError', kind });

describe('createZohoTabHost in a web tab', () => {
  it('starts from a PageLoad that names no record', async () => {
    const host = createZohoTabHost({ window: widgetWindow });
    await Promise.resolve();
    fake.pageLoad({});
    await expect(host.tabContext()).resolves.toBeUndefined();
  });

  it('still refuses that PageLoad as the context of a record page', async () => {
    const host = createZohoTabHost({ window: widgetWindow });
    await Promise.resolve();
    fake.pageLoad({});
    await expect(host.pageContext()).rejects.toEqual(hostError('malformed'));
  });

  it('reports a timeout when the tab never gets its PageLoad', async () => {
    vi.useFakeTimers();
    const host = createZohoTabHost({ window: widgetWindow, timeoutMs: 1000 });
    const assertion = expect(host.tabContext()).rejects.toEqual(hostError('timeout'));
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
  });
});

describe('createZohoTabHost openRecord', () => {
  it('asks the SDK to open the record in CRM', async () => {
    const host = createZohoTabHost({ window: widgetWindow });
    await host.openRecord({ module: 'Deals', recordId: '5843104000000410005' });
    expect(fake.sdk.CRM.UI.Record.open).toHaveBeenCalledWith({ Entity: 'Deals', RecordID: '5843104000000410005' });
  });

  it('rejects when the CRM answers that it did not open the record', async () => {
    fake.sdk.CRM.UI.Record.open.mockResolvedValue(false);
    const host = createZohoTabHost({ window: widgetWindow });
    await expect(host.openRecord({ module: 'Deals', recordId: '1' })).rejects.toEqual(hostError('connection'));
  });

  it('never passes an id that is not digits to the SDK', async () => {
    const host = createZohoTabHost({ window: widgetWindow });
    await expect(host.openRecord({ module: 'Deals', recordId: '1/../2' })).rejects.toThrow('Not a record to open');
    expect(fake.sdk.CRM.UI.Record.open).not.toHaveBeenCalled();
  });

  it('rejects as unavailable outside Zoho CRM', async () => {
    delete widgetWindow.ZOHO;
    const host = createZohoTabHost({ window: widgetWindow });
    await expect(host.openRecord({ module: 'Deals', recordId: '1' })).rejects.toEqual(hostError('unavailable'));
  });
});
