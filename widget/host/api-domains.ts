import { HostError } from './host';

/** Zoho data centre (the SDK's `deployment`) -> the end of its REST API domain. Tokens and orgs are DC-specific. */
const apiDomainEndings: Record<string, string> = {
  US: 'com',
  EU: 'eu',
  IN: 'in',
  AU: 'com.au',
  JP: 'jp',
  CN: 'com.cn',
  CA: 'ca',
  SA: 'sa',
  UK: 'uk',
};

/**
 * The API domain of a data centre; rejects what it does not know rather than guessing `.com`,
 * which would send the org's data to the wrong region.
 * @example apiDomainFor('eu') // 'https://www.zohoapis.eu'
 */
export function apiDomainFor(deployment: string): string {
  const ending = apiDomainEndings[deployment.trim().toUpperCase()];
  if (!ending) throw new HostError('malformed', `Unknown Zoho data centre "${deployment}"`);
  return `https://www.zohoapis.${ending}`;
}
