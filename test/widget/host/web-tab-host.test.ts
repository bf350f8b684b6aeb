// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createZohoTabHost } from '../../../widget/host/zoho-tab';
import { useSdkFrame } from './fake-zoho-sdk';

const frame = useSdkFrame();

const hostError = (kind: string) => expect.objectContaining({ name: 'HostError', kind });

describe('createZohoTabHost in a web tab', () => {
  it('starts from a PageLoad that names no record', async () => {
    const host = createZohoTabHost({ window: frame.window });
    await Promise.resolve();
    frame.fake.pageLoad({});
    await expect(host.tabContext()).resolves.toBeUndefined();
  });

  it('offers no record of its own: a web tab names none', () => {
    const host = createZohoTabHost({ window: frame.window });
    expect(Object.keys(host)).not.toContain('pageContext');
  });

  it('reports a timeout when the tab never gets its PageLoad', async () => {
    vi.useFakeTimers();
    const host = createZohoTabHost({ window: frame.window, timeoutMs: 1000 });
    const assertion = expect(host.tabContext()).rejects.toEqual(hostError('timeout'));
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
  });
});

describe('createZohoTabHost openRecord', () => {
  it('asks the SDK to open the record in CRM', async () => {
    const host = createZohoTabHost({ window: frame.window });
    await host.openRecord({ module: 'Deals', recordId: '5843104000000410005' });
    expect(frame.fake.sdk.CRM.UI.Record.open).toHaveBeenCalledWith({ Entity: 'Deals', RecordID: '5843104000000410005' });
  });

  it('rejects when the CRM answers that it did not open the record', async () => {
    frame.fake.sdk.CRM.UI.Record.open.mockResolvedValue(false);
    const host = createZohoTabHost({ window: frame.window });
    await expect(host.openRecord({ module: 'Deals', recordId: '1' })).rejects.toEqual(hostError('connection'));
  });

  it('never passes an id that is not digits to the SDK', async () => {
    const host = createZohoTabHost({ window: frame.window });
    await expect(host.openRecord({ module: 'Deals', recordId: '1/../2' })).rejects.toThrow('Not a record to open');
    expect(frame.fake.sdk.CRM.UI.Record.open).not.toHaveBeenCalled();
  });

  it('rejects as unavailable outside Zoho CRM', async () => {
    delete frame.window.ZOHO;
    const host = createZohoTabHost({ window: frame.window });
    await expect(host.openRecord({ module: 'Deals', recordId: '1' })).rejects.toEqual(hostError('unavailable'));
  });
});
