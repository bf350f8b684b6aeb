import type { Host, HostRequest } from '../../../widget/host/host';

/**
 * A Host whose connection hands back fixed answers, copied from Zoho's documented envelopes
 * (reference/zoho-crm-record-locking.md), and records what was asked. For envelope and mapping
 * cases the emulator cannot be made to produce; the contract itself is checked against the emulator.
 */
export function fixtureHost(...bodies: unknown[]) {
  const requests: HostRequest[] = [];
  const host: Host = {
    pageContext: async () => ({ module: 'Deals', recordId: '1' }),
    currentUser: async () => {
      throw new Error('not used by crm/');
    },
    environment: async () => ({ deployment: 'EU', apiDomain: 'https://www.zohoapis.eu', orgId: null }),
    theme: async () => 'day',
    async request(request) {
      requests.push(request);
      if (bodies.length === 0) throw new Error(`No fixture left for ${request.method} ${request.url}`);
      return { body: bodies.shift() };
    },
    resize: () => undefined,
    onVisible: () => () => undefined,
  };
  return { host, requests };
}

export const apiDomain = 'https://www.zohoapis.eu';
