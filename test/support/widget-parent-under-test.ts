import { vi } from 'vitest';
import { createWidgetParent, type ParentAnswer, type WidgetServices } from '../../server/harness/widget-parent';

export const WIDGET_ORIGIN = 'http://localhost:5000';
export const ZDK_URL = `${WIDGET_ORIGIN}/sdk/zdk.js`;

/**
 * The harness page's side of the SDK protocol for the record Deals/42, driven without a browser:
 * what it posts lands in `posted`; its services answer like the dev server and can be overridden.
 */
export function createParentUnderTest(
  options: { frameWindow?: object; services?: Partial<WidgetServices>; pageLoad?: Record<string, unknown> } = {},
) {
  const frameWindow = options.frameWindow ?? { name: 'widget frame' };
  const posted: Record<string, unknown>[] = [];
  const services: WidgetServices = {
    zdkScriptUrl: ZDK_URL,
    currentUser: vi.fn(async (): Promise<ParentAnswer> => ({ outcome: 'response', data: { users: [{ id: '7', email: 'rep@example.com' }] } })),
    environment: vi.fn(async (): Promise<ParentAnswer> => ({
      outcome: 'response',
      data: { deployment: 'US', ZGID: '1', ZUID: '7', appDetails: { appUrl: 'x' } },
    })),
    org: vi.fn(async (): Promise<ParentAnswer> => ({ outcome: 'response', data: { org: [{ id: '1' }] } })),
    userPreference: vi.fn(async (): Promise<ParentAnswer> => ({ outcome: 'response', data: { mode: 'night' } })),
    resize: vi.fn(),
    invokeConnection: vi.fn(async (): Promise<ParentAnswer> => ({ outcome: 'response', data: { code: 'SUCCESS' } })),
    getRecord: vi.fn(async (): Promise<ParentAnswer> => ({ outcome: 'response', data: { data: [{ id: '42' }] } })),
    openRecord: vi.fn(async (): Promise<ParentAnswer> => ({ outcome: 'response', data: true })),
    closePopup: vi.fn(async (): Promise<ParentAnswer> => ({ outcome: 'response', data: true })),
    ...options.services,
  };
  const parent = createWidgetParent({
    frame: { window: () => frameWindow, origin: WIDGET_ORIGIN },
    post: (message) => posted.push(message),
    context: { connectors: {}, locale: 'en_US' },
    pageLoad: options.pageLoad ?? { Entity: 'Deals', EntityId: '42' },
    services,
    newUniqueId: () => 'u-1',
  });
  return { parent, posted, services, frameWindow };
}
