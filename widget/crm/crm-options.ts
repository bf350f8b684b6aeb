import type { SdkHost } from '../host/host';

/** What every resource's calls are made over: the host, and the org's API domain. */
export interface CrmOptions {
  host: SdkHost;
  /** e.g. "https://www.zohoapis.eu" */
  apiDomain: string;
}

/** Makes a page's calls once the org's API domain is known. */
export type Connect<Calls> = (options: CrmOptions) => Calls;
