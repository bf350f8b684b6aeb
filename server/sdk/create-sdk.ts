import { USER_PREFERENCE_TYPE } from './protocol';
import { createSdkChannel, type SdkChannel } from './sdk-channel';
import type { SdkEnvironment } from './sdk-environment';

/** `CONNECTION.invoke`'s request; only these five keys travel, anything else is dropped (§2.1). */
export interface ConnectionRequest {
  url: string;
  method?: string;
  param_type?: number;
  parameters?: unknown;
  headers?: unknown;
}

/** The part of `window.ZOHO` the stand-in offers. */
export interface ZohoSdk {
  embeddedApp: {
    on(eventName: string, handler: (data: unknown) => void): void;
    init(): Promise<void>;
  };
  CRM: {
    CONFIG: {
      getCurrentUser(): Promise<unknown>;
      GetCurrentEnvironment(): Promise<unknown>;
      getOrgInfo(): Promise<unknown>;
      /** SDK 1.4+: the user's theme, `{mode: "day" | "night"}` (see USER_PREFERENCE_TYPE). */
      getUserPreference(): Promise<unknown>;
    };
    CONNECTION: { invoke(connectionName: string, request: ConnectionRequest): Promise<unknown> };
    UI: {
      Resize(size: { height?: number | string; width?: number | string }): Promise<unknown>;
      Record: { open(request: { Entity: string; RecordID: string; Target?: string }): Promise<unknown> };
      /** A button's popup: close it, or close it and reload the view behind it (the list). */
      Popup: { close(): Promise<unknown>; closeReload(): Promise<unknown> };
    };
    API: { getRecord(request: { Entity: string; RecordID: string; approved?: string }): Promise<unknown> };
  };
}

/** Zoho's 1.2-era file stamps this on every CRM_EVENT (§1.5). */
const SDK_VERSION = '1';

/**
 * A clean-room stand-in for Zoho's `ZohoEmbededAppSDK.min.js`, speaking the same protocol.
 * As in Zoho's file, `on()` only records handlers and `init()` wires them, so a handler
 * registered after `init()` is never called.
 */
export function createZohoSdk(env: SdkEnvironment): ZohoSdk {
  const handlers = new Map<string, (data: unknown) => void>();
  const wired = new Map<string, (data: unknown) => void>();
  let channel: SdkChannel | null = null;
  let initialised: Promise<void> | null = null;

  function crmEvent(data: Record<string, unknown>): Promise<unknown> {
    if (channel === null) throw new Error('ZOHO.embeddedApp.init() has not been called');
    return channel.request('CRM_EVENT', { ...data, sdkVersion: SDK_VERSION });
  }

  function connectionWire(request: ConnectionRequest): Record<string, unknown> {
    const wire: Record<string, unknown> = { url: request.url };
    if (request.method !== undefined) wire.method = request.method;
    if (request.param_type !== undefined) wire.param_type = request.param_type;
    if (request.parameters !== undefined) wire.parameters = JSON.stringify(request.parameters);
    if (request.headers !== undefined) wire.headers = JSON.stringify(request.headers);
    return wire;
  }

  return {
    embeddedApp: {
      on(eventName, handler) {
        if (initialised !== null) {
          env.console.warn(`ZOHO.embeddedApp.on("${eventName}") after init(): Zoho's SDK never calls this handler`);
          return;
        }
        handlers.set(eventName, handler);
      },
      init() {
        if (initialised !== null) return initialised;
        for (const [eventName, handler] of handlers) wired.set(eventName, handler);
        channel = createSdkChannel(env, (eventName, data) => wired.get(eventName)?.(data));
        initialised = channel.register();
        return initialised;
      },
    },
    CRM: {
      CONFIG: {
        getCurrentUser: () => crmEvent({ category: 'CONFIG', type: 'CURRENT_USER' }),
        GetCurrentEnvironment: () => crmEvent({ category: 'CONFIG', type: 'ORG_LEVEL_INFO' }),
        getOrgInfo: () => crmEvent({ category: 'CONFIG', type: 'ORG' }),
        getUserPreference: () => crmEvent({ category: 'CONFIG', type: USER_PREFERENCE_TYPE }),
      },
      CONNECTION: {
        invoke: (connectionName, request) =>
          crmEvent({ category: 'CRM_CONNECTION', connectionName, data: { data: connectionWire(request) } }),
      },
      UI: {
        Resize: (size) => {
          const data: Record<string, unknown> = {};
          if (size.width !== undefined) data.width = size.width;
          if (size.height !== undefined) data.height = size.height;
          return crmEvent({ category: 'UI', action: 'RESIZE', data });
        },
        Record: {
          // Zoho's helper sends `action: {record: "OPEN"}` and lower-cases Target to `target`.
          open: (request) =>
            crmEvent({
              category: 'UI',
              action: { record: 'OPEN' },
              data: { Entity: request.Entity, RecordID: request.RecordID, target: request.Target },
            }),
        },
        // As Zoho's helper sends them (ZohoCrmHelper.js, UI.Popup): an action and nothing else.
        Popup: {
          close: () => crmEvent({ category: 'UI', action: { popup: 'CLOSE' } }),
          closeReload: () => crmEvent({ category: 'UI', action: { popup: 'CLOSE_RELOAD' } }),
        },
      },
      API: {
        getRecord: (request) => crmEvent({ category: 'READ', APIData: { ...request } }),
      },
    },
  };
}
