/** Zoho data centres (the SDK's `deployment`) and their REST API domains (locking note §1). */
const apiDomains = {
  US: 'https://www.zohoapis.com',
  EU: 'https://www.zohoapis.eu',
  IN: 'https://www.zohoapis.in',
  AU: 'https://www.zohoapis.com.au',
  JP: 'https://www.zohoapis.jp',
  CN: 'https://www.zohoapis.com.cn',
  CA: 'https://www.zohoapis.ca',
  SA: 'https://www.zohoapis.sa',
  UK: 'https://www.zohoapis.uk',
} as const;

export type Deployment = keyof typeof apiDomains;

export const DEFAULT_DEPLOYMENT: Deployment = 'US';

/** The deployment named by the harness URL's `?dc=` (any case), or null when it names none. */
export function deploymentNamed(name: string | null | undefined): Deployment | null {
  const upper = (name ?? '').trim().toUpperCase();
  return upper in apiDomains ? (upper as Deployment) : null;
}

export function apiDomainOf(deployment: Deployment): string {
  return apiDomains[deployment];
}

/** Whether a URL's origin is some data centre's Zoho API domain. */
export function isZohoApiOrigin(origin: string): boolean {
  return Object.values(apiDomains).some((domain) => domain === origin);
}
