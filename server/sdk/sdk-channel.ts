import { frameworkEventSchema, frameworkMessageSchema, messagePayload } from './protocol';
import type { IncomingMessage, SdkEnvironment } from './sdk-environment';

export type RequestEventName = 'CRM_EVENT' | 'ZDK_EVENT';

export interface SdkChannel {
  /**
   * Posts REGISTER and resolves once the page answered SET_CONTEXT and the ZDK helper request
   * settled. Never resolves outside a CRM page, like Zoho's SDK (it sets no timeouts).
   */
  register(): Promise<void>;
  /** Sends one request event; settles with the page's EVENT_RESPONSE (resolve) or EVENT_RESPONSE_FAILURE (reject). */
  request(eventName: RequestEventName, data: Record<string, unknown>): Promise<unknown>;
}

interface Pending {
  resolve(data: unknown): void;
  reject(data: unknown): void;
}

/** Zoho's SDK numbers its requests "Promise100", "Promise101", … */
const FIRST_PROMISE_NUMBER = 100;

/**
 * The origin the CRM page announced in the frame URL, normalised as the widget's sender guard
 * reads it (a trailing slash or a path must not make the parent's messages look foreign), or null
 * when absent, not a URL or opaque.
 */
function serviceOriginOf(href: string): string | null {
  const announced = new URL(href).searchParams.get('serviceOrigin');
  if (!announced) return null;
  try {
    const origin = new URL(announced).origin;
    // An opaque origin ("null") names no page that could be the CRM.
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The widget's end of the protocol. Unlike Zoho's file, the sender check holds: every message,
 * SET_CONTEXT included, must come from the parent window at the decoded `serviceOrigin`.
 */
export function createSdkChannel(env: SdkEnvironment, onEvent: (eventName: string, data: unknown) => void): SdkChannel {
  const serviceOrigin = serviceOriginOf(env.href);
  const appOrigin = encodeURIComponent(env.href);
  const pending = new Map<string, Pending>();
  let nextPromiseNumber = FIRST_PROMISE_NUMBER;
  let uniqueID: string | null = null;
  let registered: (() => void) | null = null;

  function post(message: Record<string, unknown>): void {
    if (serviceOrigin === null) throw new Error('serviceOrigin is missing from the frame URL');
    env.parent.postMessage({ ...message, appOrigin }, serviceOrigin);
  }

  function request(eventName: RequestEventName, data: Record<string, unknown>): Promise<unknown> {
    if (uniqueID === null) {
      throw new Error('The SDK is not registered with the CRM page yet: await ZOHO.embeddedApp.init() first');
    }
    const promiseid = `Promise${nextPromiseNumber++}`;
    const answer = new Promise<unknown>((resolve, reject) => pending.set(promiseid, { resolve, reject }));
    post({ type: 'SDK.EVENT', eventName, uniqueID, time: env.now(), promiseid, data });
    return answer;
  }

  function completeRegistration(): void {
    // The page hands out the URL of Zoho's helper script; the SDK loads it and carries on either way.
    request('ZDK_EVENT', { action: 'get_zdk_url' })
      .then(
        (url) => (typeof url === 'string' ? env.loadScript(url) : undefined),
        (failure: unknown) => env.console.error('ZDK import failed', failure),
      )
      .catch((error: unknown) => env.console.error('ZDK import failed', error))
      .finally(() => registered?.());
  }

  function receive(message: IncomingMessage): void {
    if (message.source !== env.parent || message.origin !== serviceOrigin) return;
    const payload = messagePayload(message.data);
    const known = frameworkMessageSchema.safeParse(payload);
    if (known.success) {
      const event = known.data;
      switch (event.eventName) {
        case 'SET_CONTEXT':
          if (uniqueID !== null) return;
          uniqueID = event.data.uniqueID;
          completeRegistration();
          return;
        case 'EVENT_RESPONSE':
        case 'EVENT_RESPONSE_FAILURE': {
          const waiting = pending.get(event.promiseid);
          if (!waiting) return;
          pending.delete(event.promiseid);
          if (event.eventName === 'EVENT_RESPONSE') waiting.resolve(event.data);
          else waiting.reject(event.data);
          return;
        }
      }
    }
    const other = frameworkEventSchema.safeParse(payload);
    if (other.success && uniqueID !== null) onEvent(other.data.eventName, other.data.data);
  }

  function register(): Promise<void> {
    if (serviceOrigin === null) {
      env.console.warn('Record Lock SDK stand-in: no serviceOrigin in the frame URL, so not inside a CRM page');
      return new Promise<void>(() => undefined);
    }
    const done = new Promise<void>((resolve) => (registered = resolve));
    env.onMessage(receive);
    env.onUnload(() => {
      if (uniqueID !== null) post({ type: 'SDK.EVENT', eventName: 'DEREGISTER', uniqueID });
    });
    post({ type: 'SDK.EVENT', eventName: 'REGISTER' });
    return done;
  }

  return { register, request };
}
