/**
 * What the widget needs from the page that embeds it. zoho.ts implements it over Zoho's SDK;
 * tests pass an in-memory Host. Nothing outside host/ may touch window.ZOHO.
 */

/** The record whose detail page shows the widget. */
export interface PageContext {
  /** Module API name, e.g. "Deals". */
  module: string;
  /** Record id: a string of digits (ids exceed 2^53). */
  recordId: string;
}

/** The signed-in CRM user, as the SDK reports them. */
export interface CurrentUser {
  id: string;
  fullName: string;
  email: string;
  profile: { id: string; name: string };
  role: { id: string; name: string } | null;
  /** Zoho locale such as "en_US", "de_DE", "ja_JP". */
  locale: string;
  /** IANA time zone such as "Europe/Berlin". */
  timeZone: string;
}

/** Where the org's data lives: REST calls go to `${apiDomain}/crm/v8/...`. */
export interface Environment {
  /** e.g. "US", "EU", "IN" */
  deployment: string;
  /** e.g. "https://www.zohoapis.eu"; never assumed to be .com */
  apiDomain: string;
  /** The org (`ZGID`), when the SDK names it: keeps one org's cached settings from another's. */
  orgId: string | null;
}

/**
 * Which connection carries a call. "user": per-user connection (lock, edit, unlock, record reads) so
 * Zoho records the real person; "org": the org-level read-only connection (configuration, profiles,
 * field metadata), which needs administrator rights.
 */
export type ConnectionKind = 'user' | 'org';

/** The connections' link names in plugin-manifest.json, which Zoho never lets change. */
export const CONNECTION_LINK_NAMES: Record<ConnectionKind, string> = { user: 'recordlock_user', org: 'recordlock_org' };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HostRequest {
  connection: ConnectionKind;
  method: HttpMethod;
  /** Absolute URL, including the API domain and query string. */
  url: string;
  /** JSON body for POST and PUT; sent as the connection's payload (param_type 2). */
  body?: unknown;
}

export interface HostResponse {
  /**
   * The API's answer as Zoho's connection hands it over (`details.statusMessage`): parsed JSON, raw text
   * when it was not JSON, or `undefined` when the API answered with no body (HTTP 204).
   * The HTTP status is not exposed by Zoho's connection; crm/ decides success from the body alone.
   */
  body: unknown;
}

export type HostErrorKind =
  /** no answer within the host's time limit */
  | 'timeout'
  /** the connection call itself failed: network, connection not authorised, unknown connection */
  | 'connection'
  /** the SDK is missing or never initialised (opened outside Zoho CRM) */
  | 'unavailable'
  /** the host answered something that is not what Zoho sends */
  | 'malformed';

/** A failure of the host, not of Zoho's API: the call may or may not have reached Zoho. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly kind: HostErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The user's Zoho CRM theme. */
export type Theme = 'day' | 'night';

/** What every page needs from Zoho's SDK: the viewer, where the org's data lives, and REST calls. */
export interface SdkHost {
  currentUser(): Promise<CurrentUser>;
  /** The user's Zoho theme where the SDK tells it (SDK 1.4 and later); Day otherwise. Never rejects. */
  theme(): Promise<Theme>;
  environment(): Promise<Environment>;
  /** One REST call through a connection; rejects with HostError only. Zoho's API errors come back as a body. */
  request(request: HostRequest): Promise<HostResponse>;
}

/** What the record panel needs besides: its record, its frame's height, and the page coming back into view. */
export interface Host extends SdkHost {
  /** Resolves with the first PageLoad's record; rejects with HostError when it never comes or has no record id. */
  pageContext(): Promise<PageContext>;
  /** Asks the embedding page to give the widget's frame this height in CSS pixels. */
  resize(height: number): void;
  /** Calls back whenever the page becomes visible again; returns the unsubscribe. */
  onVisible(callback: () => void): () => void;
}

/** A record to open in CRM, e.g. from the Web Tab's list. */
export interface RecordToOpen {
  module: string;
  recordId: string;
}

/**
 * What the Web Tab needs besides: a web tab's PageLoad names no record, and a record of its list
 * opens in CRM through the SDK. zoho-tab.ts implements it; tests use an in-memory one.
 */
export interface TabHost extends SdkHost {
  /** Resolves once the tab's first PageLoad has come (whatever it carries); HostError('timeout') when it never does. */
  tabContext(): Promise<void>;
  /** Opens the record's detail page in CRM (`ZOHO.CRM.UI.Record.open`); rejects with HostError only. */
  openRecord(record: RecordToOpen): Promise<void>;
}

/** What a list view's button was pressed on: the module and the selected records' ids, in the list's order. */
export interface ListContext {
  module: string;
  /** Zoho's record ids (digits), without repeats; empty when nothing was selected. */
  recordIds: string[];
}

/**
 * What the list view's button page needs besides: the selection its PageLoad names, and closing
 * Zoho's popup. zoho-list.ts implements it; tests use an in-memory one.
 */
export interface ListHost extends SdkHost {
  /** The button's first PageLoad; HostError('timeout') when it never comes, ('malformed') when it names no module or ids that are not Zoho's. */
  listContext(): Promise<ListContext>;
  /**
   * Closes Zoho's popup, and with `reload` reloads the list behind it so new lock states show
   * (`ZOHO.CRM.UI.Popup.closeReload`, else `close`). Resolves false when Zoho could not close it
   * (an SDK without the call, or not in a popup); never rejects.
   */
  closePopup(reload: boolean): Promise<boolean>;
}
