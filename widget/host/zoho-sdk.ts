/**
 * The part of Zoho's embedded-app SDK (`window.ZOHO`) the widget calls. Loaded by a script tag
 * before the bundle; its answers are untrusted and parsed where they are used.
 */
export interface ConnectionInvokeRequest {
  url: string;
  method: string;
  param_type?: 1 | 2;
  parameters?: unknown;
  headers?: Record<string, string>;
}

export interface ZohoSdk {
  embeddedApp: {
    on(event: 'PageLoad', handler: (data: unknown) => void): void;
    init(): Promise<unknown>;
  };
  CRM: {
    CONFIG: {
      getCurrentUser(): Promise<unknown>;
      GetCurrentEnvironment(): Promise<unknown>;
      /** SDK 1.4 and later: the user's Zoho theme, `{mode: "day" | "night"}`. Absent from older SDK files. */
      getUserPreference?(): Promise<unknown>;
    };
    CONNECTION: {
      invoke(linkName: string, request: ConnectionInvokeRequest): Promise<unknown>;
    };
    UI: {
      Resize(size: { height: number; width: number }): Promise<unknown>;
      Record: {
        /** Opens a record's detail page; `Target: "_blank"` opens it in a new browser tab. */
        open(request: { Entity: string; RecordID: string; Target?: string }): Promise<unknown>;
      };
      /** A button's popup (SDK 0.9.5 and later): close it, or close it and reload the view behind it. */
      Popup?: {
        close?(): Promise<unknown>;
        closeReload?(): Promise<unknown>;
      };
    };
  };
}

/** `window.ZOHO` when it looks like the SDK, else null (the page was opened outside Zoho CRM). */
export function findZohoSdk(window: Window): ZohoSdk | null {
  const candidate: unknown = (window as Window & { ZOHO?: unknown }).ZOHO;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const sdk = candidate as Partial<ZohoSdk>;
  return typeof sdk.embeddedApp?.init === 'function' && typeof sdk.CRM === 'object' ? (sdk as ZohoSdk) : null;
}
