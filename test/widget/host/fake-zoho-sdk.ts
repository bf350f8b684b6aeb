import { afterEach, beforeEach, vi } from 'vitest';
import type { ConnectionInvokeRequest, ZohoSdk } from '../../../widget/host/zoho-sdk';

/**
 * A promise-returning stand-in for `window.ZOHO`, in the SDK's own shape: `on()` stores the
 * handler, `init()` wires it (a handler added later is never called, as in Zoho's file).
 * Each answer is set per test.
 */
export function createFakeZohoSdk() {
  const events: string[] = [];
  const stored = new Map<string, (data: unknown) => void>();
  let wired: ((data: unknown) => void) | undefined;
  const sdk = {
    embeddedApp: {
      on: vi.fn((event: string, handler: (data: unknown) => void) => {
        events.push(`on:${event}`);
        stored.set(event, handler);
      }),
      init: vi.fn(async (): Promise<unknown> => {
        events.push('init');
        wired = stored.get('PageLoad');
        return undefined;
      }),
    },
    CRM: {
      CONFIG: {
        getCurrentUser: vi.fn(async (): Promise<unknown> => ({ users: [] })),
        GetCurrentEnvironment: vi.fn(async (): Promise<unknown> => ({ deployment: 'US' })),
      },
      CONNECTION: {
        invoke: vi.fn(async (_link: string, _request: ConnectionInvokeRequest): Promise<unknown> => ({ code: 'SUCCESS' })),
      },
      UI: {
        Resize: vi.fn(async (_size: { height: number; width: number }): Promise<unknown> => true),
        Record: { open: vi.fn(async (_request: { Entity: string; RecordID: string; Target?: string }): Promise<unknown> => true) },
        Popup: { close: vi.fn(async (): Promise<unknown> => true), closeReload: vi.fn(async (): Promise<unknown> => true) },
      },
    },
  } satisfies ZohoSdk;
  return {
    sdk,
    /** What the SDK was asked to do, in order: "on:PageLoad", "init". */
    events,
    /** The CRM page sends PageLoad (reaches the handler only once init() wired it). */
    pageLoad: (data: unknown) => wired?.(data),
  };
}

/** A connection answer as Zoho's CONNECTION.invoke resolves it. */
export const connectionAnswer = (statusMessage: unknown) => ({
  code: 'SUCCESS',
  details: { CODE: 200, message: 'action completed successfully', status: 'Success', statusMessage },
  message: 'Connection invoked successfully',
  status: 'success',
});

export type FakeZoho = ReturnType<typeof createFakeZohoSdk>;

/** What a test sees of its frame: the widget's window, with the fake SDK as `window.ZOHO`, and the fake. */
export interface SdkFrame {
  window: Window & typeof globalThis & { ZOHO?: unknown };
  fake: FakeZoho;
}

/** A fresh frame window per test (jsdom), holding a fresh fake SDK; removed, with real timers back, after it. */
export function useSdkFrame(): SdkFrame {
  const current = {} as SdkFrame;
  let frame: HTMLIFrameElement;
  beforeEach(() => {
    frame = document.createElement('iframe');
    document.body.append(frame);
    current.window = frame.contentWindow as SdkFrame['window'];
    current.fake = createFakeZohoSdk();
    current.window.ZOHO = current.fake.sdk;
  });
  afterEach(() => {
    frame.remove();
    vi.useRealTimers();
  });
  return current;
}
