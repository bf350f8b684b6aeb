import type { CrmBackend } from './crm-backend';

export interface CrmAnswer {
  status: number;
  /** Parsed JSON; undefined for an empty body (204) or a body that is not JSON. */
  body: unknown;
}

/**
 * Reads the emulator's REST API in a signed-in user's session: what the CRM page itself does for
 * the SDK's CONFIG and API calls (the session's permissions apply, not a connection's scopes).
 */
export interface CrmReader {
  get(email: string, pathAndQuery: string): Promise<CrmAnswer>;
}

export function createCrmReader(options: {
  backend: Pick<CrmBackend, 'handle'>;
  /** False for the CRM page's own reads, which spend no API credits. Default true. */
  metered?: boolean;
  /** The session token of a demo user, or null for an unknown user. */
  sessionToken(email: string): string | null;
  apiDomain: string;
}): CrmReader {
  return {
    async get(email, pathAndQuery) {
      const token = options.sessionToken(email);
      if (token === null) throw new Error(`No CRM session for ${email}`);
      const response = await options.backend.handle(
        new Request(`${options.apiDomain}${pathAndQuery}`, { headers: { Authorization: `Zoho-oauthtoken ${token}` } }),
        { metered: options.metered ?? true },
      );
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : parseOrUndefined(text) };
    },
  };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
