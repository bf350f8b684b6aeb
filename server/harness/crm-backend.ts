/**
 * What the harness needs of the CRM emulator (server/emulator): its REST API as a function and
 * a way to mint OAuth tokens. Typed here so that tests can pass the real emulator or a fresh one.
 */
export interface CrmBackend {
  /** `metered: false` for reads no API credit pays for (the CRM page's own). */
  handle(request: Request, options?: { metered?: boolean }): Promise<Response>;
  issueToken(email: string, scopes: string[]): string;
}
