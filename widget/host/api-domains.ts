import { HostError } from './host';

/** Zoho data centre (the SDK's `deployment`) -> REST API domain. Tokens and orgs are DC-specific. */
const apiDomains: Record<string, string> = {
  US: 'https://www.zohoapis.com',
  EU: 'https://www.zohoapis.eu',
  IN: 'https://www.zohoapis.in',
  AU: 'https://www.zohoapis.com.au',
  JP: 'https://www.zohoapis.jp',
  CN: 'https://www.zohoapis.com.cn',
  CA: 'https://www.zohoapis.ca',
  SA: 'https://www.zohoapis.sa',
  UK: 'https://www.zohoapis.uk',
};

/**
 * The API domain of a data centre; rejects what it does not know rather than guessing `.com`,
 * which would send the org's data to the wrong region.
 * @example apiDomainFor('eu') // 'https://www.zohoapis.eu'
 */
export function apiDomainFor(deployment: string): string {
  const domain = apiDomains[deployment.trim().toUpperCase()];
  if (!domain) throw new HostError('malformed', `Unknown Zoho data centre "${deployment}"`);
  return domain;
}
