import { z } from 'zod';

/**
 * The postMessage protocol between a widget's frame (Zoho's SDK) and the CRM page that embeds it,
 * as /work/shared/reference/zoho-embedded-app-sdk.md §1.4–§1.5 records it. The SDK stand-in and the
 * harness both parse what they receive with these schemas; unknown messages fail to parse and are ignored.
 */

/** Messages the CRM page sends to the widget. */
export const frameworkMessageSchema = z.discriminatedUnion('eventName', [
  z.object({
    type: z.literal('FRAMEWORK.EVENT'),
    eventName: z.literal('SET_CONTEXT'),
    data: z.looseObject({ uniqueID: z.string() }),
  }),
  z.object({
    type: z.literal('FRAMEWORK.EVENT'),
    eventName: z.literal('EVENT_RESPONSE'),
    promiseid: z.string(),
    data: z.unknown(),
  }),
  z.object({
    type: z.literal('FRAMEWORK.EVENT'),
    eventName: z.literal('EVENT_RESPONSE_FAILURE'),
    promiseid: z.string(),
    data: z.unknown(),
  }),
]);

/** Any other FRAMEWORK.EVENT (PageLoad, Notify, …): handed to the widget's `on(eventName)` handler. */
export const frameworkEventSchema = z.object({
  type: z.literal('FRAMEWORK.EVENT'),
  eventName: z.string(),
  data: z.unknown(),
});

export type FrameworkMessage = z.infer<typeof frameworkMessageSchema>;

/**
 * `CONFIG.getUserPreference()` (SDK 1.4) as a CONFIG request of this `type`: ⚠ unconfirmed. No
 * published copy of Zoho's 1.4/1.5 file could be read; its 1.x helper sends every CONFIG call as
 * `{category: "CONFIG", type}` (ORG, CURRENT_USER, ORG_LEVEL_INFO, VARIABLE), and this name
 * follows that pattern. See the README, "SDK 1.4's user preference".
 */
export const USER_PREFERENCE_TYPE = 'USER_PREFERENCE';

/** The user's theme as `getUserPreference()` resolves with it (zohocrm.dev, widgets v1.4 CONFIG: `{"mode": "day"}`). */
export const userPreferenceSchema = z.object({ mode: z.enum(['day', 'night']) });

export type UserPreference = z.infer<typeof userPreferenceSchema>;

/** The part of a CRM_EVENT's `data` every request carries; the rest depends on `category`. */
export const crmEventDataSchema = z.looseObject({ category: z.string(), sdkVersion: z.string().optional() });

/** Messages the widget's SDK sends to the CRM page. */
export const sdkMessageSchema = z.discriminatedUnion('eventName', [
  z.object({ type: z.literal('SDK.EVENT'), eventName: z.literal('REGISTER'), appOrigin: z.string() }),
  z.object({ type: z.literal('SDK.EVENT'), eventName: z.literal('DEREGISTER'), uniqueID: z.string().optional() }),
  z.object({
    type: z.literal('SDK.EVENT'),
    eventName: z.literal('ZDK_EVENT'),
    uniqueID: z.string().optional(),
    promiseid: z.string(),
    data: z.looseObject({ action: z.string() }),
  }),
  z.object({
    type: z.literal('SDK.EVENT'),
    eventName: z.literal('CRM_EVENT'),
    uniqueID: z.string().optional(),
    promiseid: z.string(),
    data: crmEventDataSchema,
  }),
]);

export type SdkMessage = z.infer<typeof sdkMessageSchema>;

/** The request `CONNECTION.invoke` keeps: its five keys, parameters and headers as JSON strings (§2.1). */
export const connectionRequestSchema = z.object({
  url: z.string(),
  method: z.string().optional(),
  param_type: z.union([z.number(), z.string()]).optional(),
  parameters: z.string().optional(),
  headers: z.string().optional(),
});

/** What `CONNECTION.invoke` puts on the wire. */
export const connectionWireSchema = z.object({
  category: z.literal('CRM_CONNECTION'),
  connectionName: z.string(),
  data: z.object({ data: connectionRequestSchema }),
});

export type ConnectionWireRequest = z.infer<typeof connectionWireSchema>['data']['data'];

/** Zoho's SDK accepts messages sent as JSON strings too (backward compatibility). */
export function messagePayload(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}
