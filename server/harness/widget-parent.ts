import { z } from 'zod';
import {
  connectionWireSchema,
  messagePayload,
  sdkMessageSchema,
  USER_PREFERENCE_TYPE,
  type ConnectionWireRequest,
} from '../sdk/protocol';
import type { HarnessAnswer } from './invoke-schema';

/** A message event as the page's window receives it. */
export interface ReceivedMessage {
  data: unknown;
  origin: string;
  source: unknown;
}

/** What the CRM page answers; `silence` leaves the widget's promise pending, as a lost reply would. */
export type ParentAnswer = HarnessAnswer | { outcome: 'silence' };

/** The CRM page's side of each request the widget can make. */
export interface WidgetServices {
  /** URL of the helper script handed out for `get_zdk_url`, on the widget's origin. */
  zdkScriptUrl: string;
  currentUser(): Promise<ParentAnswer>;
  environment(): Promise<ParentAnswer>;
  org(): Promise<ParentAnswer>;
  /** SDK 1.4's `CONFIG.getUserPreference()`: the user's theme, `{mode: "day" | "night"}`. */
  userPreference(): Promise<ParentAnswer>;
  resize(size: { height: number | null; width: number | null }): void;
  invokeConnection(connectionName: string, request: ConnectionWireRequest): Promise<ParentAnswer>;
  getRecord(entity: string, recordId: string): Promise<ParentAnswer>;
  /** `UI.Record.open`: the CRM page shows that record's detail page (`target` "_blank": in a new tab). */
  openRecord(request: { entity: string; recordId: string; target: string | null }): Promise<ParentAnswer>;
  /** `UI.Popup.close()` / `closeReload()`: closes the widget's popup (and reloads the view behind it). */
  closePopup(reload: boolean): Promise<ParentAnswer>;
}

export interface WidgetParentOptions {
  /** The widget's frame: only messages from this window at this origin are handled. */
  frame: { window(): unknown; origin: string };
  /** Posts to the widget's frame (targetOrigin = frame origin). */
  post(message: Record<string, unknown>): void;
  /** What SET_CONTEXT carries besides uniqueID, e.g. `{ connectors: {}, locale: 'en_US' }`. */
  context: Record<string, unknown>;
  /**
   * Sent as PageLoad once the widget has registered: the record the page shows (`{Entity, EntityId}`),
   * `{}` for a web tab, which has no record, or a list-view button's selection
   * (`{Entity, EntityId: [ids], ButtonPosition: "ListView"}`).
   */
  pageLoad: Record<string, unknown>;
  services: WidgetServices;
  newUniqueId(): string;
  /** Sees every protocol message in and out, for the page's log and tests. */
  observe?(direction: 'in' | 'out', message: Record<string, unknown>): void;
}

const sizeValue = z.union([z.number(), z.string()]).optional();
const resizeSchema = z.object({ action: z.literal('RESIZE'), data: z.object({ height: sizeValue, width: sizeValue }) });
/** `UI.Record.open` on the wire, as Zoho's helper builds it: `action: {record: "OPEN"}`, `data.target`. */
const openRecordSchema = z.object({
  action: z.object({ record: z.literal('OPEN') }),
  data: z.object({ Entity: z.string(), RecordID: z.union([z.string(), z.number()]), target: z.string().nullish() }),
});
/** `UI.Popup.close()` and `closeReload()` on the wire: `action: {popup: "CLOSE" | "CLOSE_RELOAD"}`. */
const popupSchema = z.object({ action: z.object({ popup: z.enum(['CLOSE', 'CLOSE_RELOAD']) }) });
const readRecordSchema = z.object({ APIData: z.object({ Entity: z.string(), RecordID: z.union([z.string(), z.number()]) }) });

/** "480px", 480 -> 480; "100%" or nothing -> null. */
function pixels(value: number | string | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\d+(\.\d+)?(px)?$/.test(value.trim())) return Number.parseFloat(value);
  return null;
}

function notSupported(what: string): ParentAnswer {
  return { outcome: 'failure', data: { code: 'NOT_SUPPORTED', message: `The local CRM page does not offer ${what}` } };
}

/** The CRM page's answer to one CRM_EVENT request, by its category; what the page does not offer fails NOT_SUPPORTED. */
async function answerCrmEvent(services: WidgetServices, data: { category: string } & Record<string, unknown>): Promise<ParentAnswer> {
  switch (data.category) {
    case 'CONFIG':
      if (data.type === 'CURRENT_USER') return services.currentUser();
      if (data.type === 'ORG_LEVEL_INFO') return services.environment();
      if (data.type === 'ORG') return services.org();
      if (data.type === USER_PREFERENCE_TYPE) return services.userPreference();
      return notSupported(`CONFIG ${String(data.type)}`);
    case 'UI': {
      const popup = popupSchema.safeParse(data);
      if (popup.success) return services.closePopup(popup.data.action.popup === 'CLOSE_RELOAD');
      const open = openRecordSchema.safeParse(data);
      if (open.success) {
        const { Entity, RecordID, target } = open.data.data;
        return services.openRecord({ entity: Entity, recordId: String(RecordID), target: target ?? null });
      }
      const resize = resizeSchema.safeParse(data);
      if (!resize.success) return notSupported(`UI ${JSON.stringify(data.action)}`);
      services.resize({ height: pixels(resize.data.data.height), width: pixels(resize.data.data.width) });
      return { outcome: 'response', data: true };
    }
    case 'CRM_CONNECTION': {
      const call = connectionWireSchema.safeParse(data);
      if (!call.success) return { outcome: 'failure', data: { code: 'INVALID_DATA', message: 'Malformed connection request' } };
      return services.invokeConnection(call.data.connectionName, call.data.data.data);
    }
    case 'READ': {
      const read = readRecordSchema.safeParse(data);
      if (!read.success) return notSupported('this READ request');
      return services.getRecord(read.data.APIData.Entity, String(read.data.APIData.RecordID));
    }
    default:
      return notSupported(data.category);
  }
}

/**
 * The CRM page's end of the embedded-app protocol (SDK reference §1.4–§1.5): answers REGISTER
 * with SET_CONTEXT, hands out the ZDK helper URL, then sends PageLoad, and answers each CRM_EVENT
 * with EVENT_RESPONSE or EVENT_RESPONSE_FAILURE. An SDK file older than the ZDK helper (the 1.0 and
 * 1.1 builds public widget repositories commit) never asks for it: it gets PageLoad with its first
 * request instead. Messages from any other window or origin, and requests that do not carry the
 * registered uniqueID, are ignored.
 */
export function createWidgetParent(options: WidgetParentOptions): { handleMessage(message: ReceivedMessage): Promise<void> } {
  const { services } = options;
  let uniqueID: string | null = null;
  let pageLoadSent = false;

  function send(message: Record<string, unknown>): void {
    options.observe?.('out', message);
    options.post(message);
  }

  function answer(promiseid: string, reply: ParentAnswer): void {
    if (reply.outcome === 'silence') return;
    const eventName = reply.outcome === 'response' ? 'EVENT_RESPONSE' : 'EVENT_RESPONSE_FAILURE';
    send({ type: 'FRAMEWORK.EVENT', eventName, promiseid, data: reply.data });
  }

  function sendPageLoad(): void {
    if (pageLoadSent) return;
    pageLoadSent = true;
    send({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data: { ...options.pageLoad } });
  }

  async function handleMessage(message: ReceivedMessage): Promise<void> {
    if (message.source !== options.frame.window() || message.origin !== options.frame.origin) return;
    const parsed = sdkMessageSchema.safeParse(messagePayload(message.data));
    if (!parsed.success) return;
    const event = parsed.data;
    options.observe?.('in', event);

    if (event.eventName === 'REGISTER') {
      uniqueID = options.newUniqueId();
      pageLoadSent = false;
      send({ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { ...options.context, uniqueID } });
      return;
    }
    if (uniqueID === null || event.uniqueID !== uniqueID) return;
    switch (event.eventName) {
      case 'DEREGISTER':
        uniqueID = null;
        return;
      case 'ZDK_EVENT':
        if (event.data.action !== 'get_zdk_url') {
          answer(event.promiseid, notSupported(`ZDK ${event.data.action}`));
          return;
        }
        answer(event.promiseid, { outcome: 'response', data: services.zdkScriptUrl });
        // Zoho's page sends the record once the SDK has its helper (seen in §1.5, steps 3–4).
        sendPageLoad();
        return;
      case 'CRM_EVENT': {
        // A request before any ZDK_EVENT: the SDK has no helper step and its init() has resolved.
        sendPageLoad();
        // A page that cannot reach its server answers as Zoho does when a call fails on its side.
        const reply = await answerCrmEvent(services, event.data).catch(
          (): ParentAnswer => ({ outcome: 'failure', data: { code: 'CONNECTION_FAILED', message: 'The CRM page could not complete the request' } }),
        );
        answer(event.promiseid, reply);
        return;
      }
    }
  }

  return { handleMessage };
}
