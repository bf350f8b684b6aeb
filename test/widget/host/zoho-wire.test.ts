// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createZohoSdk } from '../../../server/sdk/create-sdk';
import { browserEnvironment } from '../../../server/sdk/sdk-environment';
import type { Host } from '../../../widget/host/host';
import { createZohoHost } from '../../../widget/host/zoho-record';
import { createFakeCrmPage, type PageAnswer } from './fake-crm-page';

/**
 * createZohoHost over the SDK stand-in (server/sdk), which speaks Zoho's postMessage protocol
 * with a fake CRM page as the frame's parent: what goes over the wire, and what comes back.
 */
const crmOrigin = 'https://crm.zoho.eu';
const zohoUser = {
  id: '5843104000000321005',
  full_name: 'Rita Rep',
  email: 'rep@example.com',
  profile: { id: '5843104000000026015', name: 'Sales Rep' },
  role: { id: '5843104000000026009', name: 'Sales Representative' },
  locale: 'en_US',
  time_zone: 'America/Los_Angeles',
};
const lockUrl = 'https://www.zohoapis.eu/crm/v8/Deals/5843104000000410005/Locking_Information__s';

let answers: ((data: Record<string, unknown>) => PageAnswer | undefined)[] = [];
let page: ReturnType<typeof createFakeCrmPage>;
let host: Host;

function answer(data: Record<string, unknown>): PageAnswer {
  for (const rule of answers) {
    const result = rule(data);
    if (result) return result;
  }
  if (data.type === 'CURRENT_USER') return { ok: true, data: { users: [zohoUser] } };
  if (data.type === 'ORG_LEVEL_INFO') return { ok: true, data: { deployment: 'EU', ZGID: '1', ZUID: '2', appDetails: {} } };
  if (data.action === 'RESIZE') return { ok: true, data: true };
  return { ok: false, data: { code: 'UNKNOWN_EVENT' } };
}

const crmEvents = () =>
  page.received.flatMap((message) => {
    const event = message as { eventName?: string; data?: unknown };
    return event.eventName === 'CRM_EVENT' ? [event.data] : [];
  });

beforeAll(async () => {
  window.history.replaceState(null, '', `/app/widget.html?serviceOrigin=${encodeURIComponent(crmOrigin)}`);
  page = createFakeCrmPage(window, crmOrigin, answer);
  // The frame's parent is the CRM page: `parent` is a replaceable property of a window.
  (window as { parent: unknown }).parent = page;
  (window as Window & { ZOHO?: unknown }).ZOHO = createZohoSdk(browserEnvironment(window));
  host = createZohoHost({ window, timeoutMs: 2000 });
  const otherFrame = document.createElement('iframe');
  document.body.append(otherFrame);
  // Another frame in the page gets its PageLoad in first, at the right origin even.
  page.sendFrom(otherFrame.contentWindow, crmOrigin, { type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { Entity: 'EVIL', EntityId: '666' } });
  page.pageLoad({ Entity: 'Deals', EntityId: '5843104000000410005' });
});

describe('createZohoHost over the SDK protocol', () => {
  it('reads the record from the page PageLoad, not from a forged one sent earlier by another frame', async () => {
    await expect(host.pageContext()).resolves.toEqual({ module: 'Deals', recordId: '5843104000000410005' });
  });

  it('asks for the current user and maps the answer', async () => {
    await expect(host.currentUser()).resolves.toMatchObject({ id: '5843104000000321005', fullName: 'Rita Rep', timeZone: 'America/Los_Angeles' });
    expect(crmEvents()).toContainEqual({ category: 'CONFIG', type: 'CURRENT_USER', sdkVersion: '1' });
  });

  it('learns the API domain from the environment', async () => {
    await expect(host.environment()).resolves.toEqual({ deployment: 'EU', apiDomain: 'https://www.zohoapis.eu', orgId: '1' });
    expect(crmEvents()).toContainEqual({ category: 'CONFIG', type: 'ORG_LEVEL_INFO', sdkVersion: '1' });
  });

  it('sends a POST through the connection with parameters and headers as JSON strings', async () => {
    const created = { data: [{ code: 'SUCCESS', details: { id: '1' }, message: 'record added', status: 'success' }] };
    answers = [(data) => (data.category === 'CRM_CONNECTION' ? { ok: true, data: { code: 'SUCCESS', details: { statusMessage: created } } } : undefined)];
    const body = { data: [{ Locked_Reason__s: 'Legal review' }] };
    await expect(host.request({ connection: 'user', method: 'POST', url: lockUrl, body })).resolves.toEqual({ body: created });
    expect(crmEvents()).toContainEqual({
      category: 'CRM_CONNECTION',
      connectionName: 'recordlock_user',
      data: {
        data: {
          url: lockUrl,
          method: 'POST',
          param_type: 2,
          parameters: JSON.stringify(body),
          headers: JSON.stringify({ 'Content-Type': 'application/json' }),
        },
      },
      sdkVersion: '1',
    });
  });

  it('reads an empty statusMessage as no content', async () => {
    answers = [(data) => (data.category === 'CRM_CONNECTION' ? { ok: true, data: { code: 'SUCCESS', details: { statusMessage: '' } } } : undefined)];
    await expect(host.request({ connection: 'org', method: 'GET', url: lockUrl })).resolves.toEqual({ body: undefined });
  });

  it('turns EVENT_RESPONSE_FAILURE into a connection failure', async () => {
    answers = [(data) => (data.category === 'CRM_CONNECTION' ? { ok: false, data: { message: 'connection not authorised' } } : undefined)];
    await expect(host.request({ connection: 'user', method: 'GET', url: lockUrl })).rejects.toMatchObject({ name: 'HostError', kind: 'connection' });
  });

  it('times out when the page never answers', async () => {
    // The page swallows the connection call: Zoho's SDK would wait for ever.
    const silentPage = page.postMessage;
    page.postMessage = (message, targetOrigin) => {
      if ((message as { data?: { category?: string } }).data?.category === 'CRM_CONNECTION') {
        page.received.push(message);
        return;
      }
      silentPage(message, targetOrigin);
    };
    vi.useFakeTimers();
    const request = host.request({ connection: 'user', method: 'GET', url: lockUrl });
    const assertion = expect(request).rejects.toMatchObject({ kind: 'timeout' });
    await vi.advanceTimersByTimeAsync(2000);
    await assertion;
    vi.useRealTimers();
    page.postMessage = silentPage;
  });

  it('asks the page to resize the frame', async () => {
    host.resize(333);
    await host.environment();
    expect(crmEvents()).toContainEqual({ category: 'UI', action: 'RESIZE', data: { width: window.innerWidth, height: 333 }, sdkVersion: '1' });
  });
});
