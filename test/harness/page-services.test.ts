import { describe, expect, it, vi } from 'vitest';
import type { CallLogEntry } from '../../server/harness/invoke-schema';
import type { PageConfig } from '../../server/harness/page-config';
import { createPageServices, type HarnessFault } from '../../server/harness/page/page-services';

const config: PageConfig = {
  page: 'record',
  user: 'rep@example.com',
  module: 'Deals',
  recordId: '42',
  deployment: 'US',
  locale: 'en_US',
  theme: 'day',
  widgetOrigin: 'http://localhost:5000',
  widgetUrl: 'http://localhost:5000/app/widget.html?serviceOrigin=x',
  zdkScriptUrl: 'http://localhost:5000/sdk/zdk.js',
  latencyMs: null,
  variant: null,
  currentUser: { users: [{ id: '7' }] },
  environment: { deployment: 'US' },
  org: { org: [] },
};
const CALL: CallLogEntry = { connection: 'recordlock_user', method: 'GET', path: '/crm/v8/Deals', status: 200, durationMs: 3 };
const WIRE = { url: 'https://www.zohoapis.com/crm/v8/Deals', method: 'GET' };

function setup(
  options: {
    fault?: HarnessFault | null;
    latencyMs?: number | null;
    deployment?: string;
    variant?: string;
    theme?: 'day' | 'night';
    closePopup?: (reload: boolean) => boolean;
  } = {},
) {
  const sent: unknown[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    sent.push(JSON.parse(String(init?.body)));
    return Response.json({ answer: { outcome: 'response', data: { code: 'SUCCESS' } }, call: CALL });
  });
  const logged: CallLogEntry[] = [];
  const heights: number[] = [];
  const navigations: { href: string; target: string | null }[] = [];
  const services = createPageServices({
    config: {
      ...config,
      latencyMs: options.latencyMs ?? null,
      deployment: options.deployment ?? 'US',
      variant: options.variant ?? null,
      theme: options.theme ?? 'day',
    },
    fetch: fetch as typeof globalThis.fetch,
    resizeFrame: (height) => heights.push(height),
    takeFault: () => options.fault ?? null,
    logCall: (call) => logged.push(call),
    navigate: (href, target) => navigations.push({ href, target }),
    ...(options.closePopup ? { closePopup: options.closePopup } : {}),
  });
  return { services, sent, logged, heights, fetch, navigations };
}

describe('harness page services', () => {
  it('posts a connection call to the dev server as the signed-in user, logs it and answers with its result', async () => {
    const { services, sent, logged } = setup();
    const answer = await services.invokeConnection('recordlock_user', WIRE);
    expect(sent).toEqual([{ user: 'rep@example.com', connection: 'recordlock_user', deployment: 'US', request: WIRE }]);
    expect(logged).toEqual([CALL]);
    expect(answer).toEqual({ outcome: 'response', data: { code: 'SUCCESS' } });
  });

  it.each([
    [{ fault: 'drop' as const }, 'drop'],
    [{ latencyMs: 100 }, 'delay=100'],
    [{ fault: 'error' as const, latencyMs: 250 }, 'error,delay=250'],
  ])('asks the emulator for the fault and latency %j', async (options, header) => {
    const { services, sent } = setup(options);
    await services.invokeConnection('recordlock_user', WIRE);
    expect(sent).toEqual([expect.objectContaining({ fault: header })]);
  });

  it('asks the emulator for the page’s variants on every connection call', async () => {
    const { services, sent } = setup({ variant: 'minimal-lock-answer,notes-unsorted' });
    await services.invokeConnection('recordlock_user', WIRE);
    await services.invokeConnection('recordlock_org', WIRE);
    expect(sent).toEqual([
      expect.objectContaining({ connection: 'recordlock_user', variant: 'minimal-lock-answer,notes-unsorted' }),
      expect.objectContaining({ connection: 'recordlock_org', variant: 'minimal-lock-answer,notes-unsorted' }),
    ]);
  });

  it('leaves the widget without an answer for no-answer, calling nothing', async () => {
    const { services, fetch } = setup({ fault: 'no-answer' });
    expect(await services.invokeConnection('recordlock_user', WIRE)).toEqual({ outcome: 'silence' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('answers user, environment and org from the page config', async () => {
    const { services } = setup();
    expect(await services.currentUser()).toEqual({ outcome: 'response', data: config.currentUser });
    expect(await services.environment()).toEqual({ outcome: 'response', data: config.environment });
    expect(await services.org()).toEqual({ outcome: 'response', data: config.org });
  });

  it.each(['day', 'night'] as const)('answers getUserPreference with {mode: "%s"} for the page’s theme', async (theme) => {
    const { services } = setup({ theme });
    expect(await services.userPreference()).toEqual({ outcome: 'response', data: { mode: theme } });
  });

  it('closes the popup the widget is in, passing on whether to reload, and answers what the page did', async () => {
    const asked: boolean[] = [];
    const { services } = setup({ closePopup: (reload) => asked.push(reload) > 0 });
    expect(await services.closePopup(true)).toEqual({ outcome: 'response', data: true });
    expect(asked).toEqual([true]);
  });

  it('answers false to a popup call from a widget in no popup (a record page, a web tab)', async () => {
    const { services } = setup();
    expect(await services.closePopup(false)).toEqual({ outcome: 'response', data: false });
  });

  it('resizes the frame to a pixel height and ignores a resize without one', () => {
    const { services, heights } = setup();
    services.resize({ height: 333, width: 300 });
    services.resize({ height: null, width: 300 });
    expect(heights).toEqual([333]);
  });

  it.each([
    ['in this window', {}, null, '/?user=rep%40example.com&module=Deals&record=5843104000000410005'],
    ['in a new tab for _blank', {}, '_blank', '/?user=rep%40example.com&module=Deals&record=5843104000000410005'],
    ['keeping the data centre and latency', { deployment: 'EU', latencyMs: 100 }, null, '/?user=rep%40example.com&module=Deals&record=5843104000000410005&dc=eu&latency=100'],
    ['keeping the night theme', { theme: 'night' as const }, null, '/?user=rep%40example.com&module=Deals&record=5843104000000410005&theme=night'],
    ['keeping the variants', { variant: 'task-picklists' }, null, '/?user=rep%40example.com&module=Deals&record=5843104000000410005&variant=task-picklists'],
    [
      'keeping variants and theme in the page’s order',
      { latencyMs: 100, variant: 'task-picklists', theme: 'night' as const },
      null,
      '/?user=rep%40example.com&module=Deals&record=5843104000000410005&latency=100&variant=task-picklists&theme=night',
    ],
  ])('opens the record’s detail page for Record.open %s', async (_how, options, target, href) => {
    const { services, navigations } = setup(options);
    const answer = await services.openRecord({ entity: 'Deals', recordId: '5843104000000410005', target });
    expect(answer).toEqual({ outcome: 'response', data: true });
    expect(navigations).toEqual([{ href, target }]);
  });

  it('refuses Record.open without a module API name and a record id, going nowhere', async () => {
    const { services, navigations } = setup();
    const answer = await services.openRecord({ entity: '../Deals', recordId: '1', target: null });
    expect(answer).toMatchObject({ outcome: 'failure', data: { code: 'INVALID_DATA' } });
    expect(navigations).toEqual([]);
  });
});
