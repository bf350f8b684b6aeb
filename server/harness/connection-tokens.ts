import type { ManifestConnection } from './manifest';

export type IssueToken = (email: string, scopes: string[]) => string;

export interface ConnectionTokens {
  /**
   * The OAuth token a connection call carries for this signed-in user, or null when the extension
   * has no connection of that link name. Tokens carry exactly the manifest's scopes, so a scope
   * missing there is refused by the emulator as Zoho would refuse it.
   */
  tokenFor(linkName: string, signedInEmail: string): string | null;
  /** Issues a new token for the pair, e.g. after the emulator was reset and forgot the old one. */
  renew(linkName: string, signedInEmail: string): string | null;
}

/**
 * Tokens for the manifest's connections: a per-user connection acts as the signed-in user, an
 * org-level one as the administrator who installed the extension. Issued once per pair and kept.
 */
export function createConnectionTokens(options: {
  connections: ManifestConnection[];
  issueToken: IssueToken;
  installingAdmin: string;
}): ConnectionTokens {
  const issued = new Map<string, string>();

  function token(linkName: string, signedInEmail: string, fresh: boolean): string | null {
    const connection = options.connections.find((c) => c.linkName === linkName);
    if (!connection) return null;
    const actor = connection.userAccess ? signedInEmail : options.installingAdmin;
    const key = `${linkName}\n${actor}`;
    const known = issued.get(key);
    if (known !== undefined && !fresh) return known;
    const minted = options.issueToken(actor, connection.scopes);
    issued.set(key, minted);
    return minted;
  }

  return {
    tokenFor: (linkName, signedInEmail) => token(linkName, signedInEmail, false),
    renew: (linkName, signedInEmail) => token(linkName, signedInEmail, true),
  };
}
