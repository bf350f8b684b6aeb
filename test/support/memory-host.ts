import { readBody } from '../../widget/host/connection-answer';
import {
  HostError,
  type ConnectionKind,
  type CurrentUser,
  type Environment,
  type Host,
  type HostRequest,
  type PageContext,
} from '../../widget/host/host';

/**
 * An in-memory Host for tests and the component tests: REST calls go to `handle` (for instance the
 * emulator's `createEmulator().handle`) as Zoho's connection would make them. It knows the emulator's
 * demo org, so it lives with the tests, outside the product's source.
 */
export interface MemoryHostOptions {
  /** Answers the REST calls: receives a Request with path, query, OAuth header and JSON body. */
  handle: (request: Request) => Promise<Response>;
  page: PageContext;
  user: CurrentUser;
  /** OAuth token per connection, sent as `Authorization: Zoho-oauthtoken <token>`. */
  tokens: Record<ConnectionKind, string>;
  /** Default: the US data centre. */
  environment?: Environment;
  /** Origin the requests are addressed to once the API domain is stripped; default http://localhost. */
  baseUrl?: string;
  /** Wait this long before each REST call is handled (setTimeout, so fake timers control it). */
  delayMs?: number;
}

export type MemoryHostFailure = 'timeout' | 'connection';

export interface MemoryHost extends Host {
  /** Every request() made, in order, including those made to fail. */
  readonly calls: HostRequest[];
  /** Every height passed to resize(). */
  readonly resizes: number[];
  /**
   * Makes the next request() reject with HostError(kind). With `afterSending`, the request still
   * reaches `handle` first (Zoho acted, the answer was lost).
   */
  failNext(kind: MemoryHostFailure, options?: { afterSending?: boolean }): void;
  setDelay(ms: number): void;
  /** Holds every answer until the returned function is called: for asserting what shows while a call is in flight. */
  pause(): () => void;
  /** Runs the onVisible callbacks, as when the user comes back to the tab. */
  becomeVisible(): void;
}

export function createMemoryHost(options: MemoryHostOptions): MemoryHost {
  const environment = options.environment ?? { deployment: 'US', apiDomain: 'https://www.zohoapis.com', orgId: '5843104000000000001' };
  const baseUrl = options.baseUrl ?? 'http://localhost';
  const calls: HostRequest[] = [];
  const resizes: number[] = [];
  const visibleCallbacks = new Set<() => void>();
  const failures: { kind: MemoryHostFailure; afterSending: boolean }[] = [];
  let delayMs = options.delayMs ?? 0;
  let gate: Promise<void> = Promise.resolve();

  const send = async (request: HostRequest): Promise<unknown> => {
    const fetchRequest = toFetchRequest(request, baseUrl, options.tokens[request.connection]);
    // A handler that throws stands for a call lost on the way, as Zoho's connection reports it.
    const response = await options.handle(fetchRequest).catch((error: unknown) => {
      throw new HostError('connection', 'The connection call failed', error);
    });
    return readBody(await response.text());
  };

  return {
    calls,
    resizes,
    pageContext: async () => ({ ...options.page }),
    currentUser: async () => structuredClone(options.user),
    theme: async () => 'day',
    environment: async () => ({ ...environment }),
    async request(request) {
      calls.push(structuredClone(request));
      const failure = failures.shift();
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (failure) {
        if (failure.afterSending) await send(request);
        throw new HostError(failure.kind, `Simulated ${failure.kind} failure`);
      }
      const body = await send(request);
      await gate;
      return { body };
    },
    resize: (height) => void resizes.push(height),
    onVisible(callback) {
      visibleCallbacks.add(callback);
      return () => visibleCallbacks.delete(callback);
    },
    failNext: (kind, failOptions) => void failures.push({ kind, afterSending: failOptions?.afterSending ?? false }),
    setDelay: (ms) => void (delayMs = ms),
    pause() {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      gate = Promise.all([gate, held]).then(() => undefined);
      return release;
    },
    becomeVisible: () => visibleCallbacks.forEach((callback) => callback()),
  };
}

/** What Zoho's connection sends upstream: same path and query, the connection's token, a JSON body. */
function toFetchRequest(request: HostRequest, baseUrl: string, token: string): Request {
  const { pathname, search } = new URL(request.url);
  const headers: Record<string, string> = { Authorization: `Zoho-oauthtoken ${token}` };
  const init: RequestInit = { method: request.method, headers };
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(request.body);
  }
  return new Request(new URL(`${pathname}${search}`, baseUrl), init);
}
