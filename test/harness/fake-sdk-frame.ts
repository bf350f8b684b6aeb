import { vi } from 'vitest';
import type { IncomingMessage, SdkEnvironment } from '../../server/sdk/sdk-environment';

export const CRM_ORIGIN = 'http://127.0.0.1:5000';
export const WIDGET_HREF = `http://localhost:5000/app/widget.html?serviceOrigin=${encodeURIComponent(CRM_ORIGIN)}&frameorigin=${encodeURIComponent(CRM_ORIGIN)}`;
export const NOW = 1_763_900_000_000;

export interface Posted {
  message: Record<string, unknown>;
  targetOrigin: string;
}

/**
 * A widget frame for the SDK stand-in: its parent records what the SDK posts, and the test speaks
 * for the CRM page (or for some other frame) with the protocol's real messages.
 */
export function fakeSdkFrame(href = WIDGET_HREF) {
  const posted: Posted[] = [];
  const loadedScripts: string[] = [];
  const parent = {
    postMessage(message: unknown, targetOrigin: string) {
      posted.push({ message: message as Record<string, unknown>, targetOrigin });
    },
  };
  const listeners: ((message: IncomingMessage) => void)[] = [];
  const unloadListeners: (() => void)[] = [];
  const console = { error: vi.fn(), warn: vi.fn() };
  const env: SdkEnvironment = {
    href,
    parent,
    onMessage: (listener) => listeners.push(listener),
    onUnload: (listener) => unloadListeners.push(listener),
    loadScript: async (url) => {
      loadedScripts.push(url);
    },
    now: () => NOW,
    console,
  };

  function deliver(data: unknown, origin: string, source: unknown): void {
    for (const listener of listeners) listener({ data, origin, source });
  }

  return {
    env,
    posted,
    loadedScripts,
    console,
    /** A message from the CRM page: the parent window at the service origin. */
    fromCrm: (data: unknown) => deliver(data, CRM_ORIGIN, parent),
    /** A message from another window or origin. */
    fromElsewhere: (data: unknown, origin: string, source: unknown) => deliver(data, origin, source),
    unload: () => unloadListeners.forEach((listener) => listener()),
    lastPosted: () => posted.at(-1)?.message,
  };
}

export type FakeSdkFrame = ReturnType<typeof fakeSdkFrame>;

/** Flushes pending promise callbacks (the SDK settles answers asynchronously). */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
}

/** Answers REGISTER and get_zdk_url as the CRM page does, so that init() resolves. */
export async function registerWithCrm(frame: FakeSdkFrame, init: () => Promise<void>, uniqueID = 'widget-1'): Promise<void> {
  const done = init();
  frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { uniqueID, connectors: {}, locale: 'en_US' } });
  const zdk = frame.lastPosted();
  frame.fromCrm({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE', promiseid: zdk?.promiseid, data: 'http://localhost:5000/sdk/zdk.js' });
  await done;
}
