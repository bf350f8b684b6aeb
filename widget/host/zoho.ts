import * as z from './zod';
import { apiDomainFor } from './api-domains';
import { parseConnectionAnswer } from './connection-answer';
import { CONNECTION_LINK_NAMES, HostError, type HostRequest, type SdkHost, type Theme } from './host';
import { installMessageGuard } from './message-guard';
import { withTimeout } from './with-timeout';
import { findZohoSdk, type ConnectionInvokeRequest, type ZohoSdk } from './zoho-sdk';
import { parseCurrentUser } from './zoho-user';

export interface ZohoHostOptions {
  window: Window;
  /** Time limit for the SDK's start-up and for each call; default 15000 ms. */
  timeoutMs?: number;
  /** Connection link names; default recordlock_user / recordlock_org (plugin-manifest.json). */
  connections?: { user: string; org: string };
}

const environmentSchema = z.object({ deployment: z.string(), ZGID: z.optional(z.unknown()) });
const preferenceSchema = z.object({ mode: z.string() });

/** What a page's own host (zoho-record.ts, zoho-tab.ts) reaches of the started SDK; null without `window.ZOHO`. */
export interface ZohoSdkAccess {
  /** The first PageLoad's data as it came, within the time limit. */
  firstPageLoad(): Promise<unknown>;
  /** One SDK call after start-up, with its own time limit; a rejection becomes HostError('connection'). */
  call<T>(what: string, invoke: (sdk: ZohoSdk) => Promise<unknown>, parse: (answer: unknown) => T): Promise<T>;
  /** Runs once the SDK has started, without waiting for or reporting the outcome. */
  whenStarted(use: (sdk: ZohoSdk) => unknown): void;
}

/** Rejects as every call does outside Zoho CRM. */
export const unavailable = (): Promise<never> => Promise.reject(new HostError('unavailable', 'Zoho CRM SDK not found'));

/**
 * What every page's host does over Zoho's embedded-app SDK, plus what `extend` adds for one page
 * (so a page carries none of another's calls). Installs the message guard and the PageLoad handler,
 * then starts the SDK at once. Without `window.ZOHO` every call rejects with HostError('unavailable').
 */
export function createZohoSdkHost<X extends object>(options: ZohoHostOptions, extend: (access: ZohoSdkAccess | null) => X): SdkHost & X {
  const { window } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const links = options.connections ?? CONNECTION_LINK_NAMES;
  const sdk = findZohoSdk(window);
  if (!sdk) return { ...extend(null), currentUser: unavailable, environment: unavailable, request: unavailable, theme: async () => 'day' };

  installMessageGuard(window);
  // The first PageLoad as it came: the record page parses a record from it, a web tab only waits for it.
  const firstPageLoad = new Promise<unknown>((resolve) => {
    // Registered before init(): the SDK wires only the handlers it already knows when it starts.
    sdk.embeddedApp.on('PageLoad', resolve);
  });
  const ready = withTimeout(startSdk(sdk), timeoutMs, 'SDK start').then(
    () => sdk,
    (error: unknown) => Promise.reject(new HostError('unavailable', 'Zoho CRM SDK did not start', error)),
  );
  ready.catch(() => undefined);

  /** One SDK call after start-up, with its own time limit; a rejection becomes HostError('connection'). */
  const call = <T>(what: string, invoke: (sdk: ZohoSdk) => Promise<unknown>, parse: (answer: unknown) => T): Promise<T> =>
    ready.then((started) =>
      withTimeout(
        Promise.resolve().then(() => invoke(started)).then(
          parse,
          (error: unknown) => Promise.reject(new HostError('connection', `${what} failed`, error)),
        ),
        timeoutMs,
        what,
      ),
    );

  return {
    ...extend({
      firstPageLoad: () => ready.then(() => withTimeout(firstPageLoad, timeoutMs, 'PageLoad')),
      call,
      whenStarted: (use) => void ready.then(use).catch(() => undefined),
    }),
    currentUser: () => call('getCurrentUser', (s) => s.CRM.CONFIG.getCurrentUser(), parseCurrentUser),
    // SDK 1.4's `{mode: "day" | "night"}`, feature-detected: no such call, a failure or another shape is Day.
    theme: () =>
      call('getUserPreference', (s) => s.CRM.CONFIG.getUserPreference?.() ?? Promise.resolve(null), (answer): Theme =>
        preferenceSchema.safeParse(answer).data?.mode.toLowerCase() === 'night' ? 'night' : 'day',
      ).catch((): Theme => 'day'),
    environment: () =>
      call('GetCurrentEnvironment', (s) => s.CRM.CONFIG.GetCurrentEnvironment(), (answer) => {
        const parsed = environmentSchema.safeParse(answer);
        if (!parsed.success) throw new HostError('malformed', 'Unexpected environment answer', answer);
        const { deployment, ZGID } = parsed.data;
        const orgId = typeof ZGID === 'string' || typeof ZGID === 'number' ? String(ZGID) : null;
        return { deployment, apiDomain: apiDomainFor(deployment), orgId: orgId || null };
      }),
    request: (request) =>
      call(
        `${request.method} ${request.url}`,
        (s) => s.CRM.CONNECTION.invoke(links[request.connection], toInvokeRequest(request)),
        parseConnectionAnswer,
      ),
  };
}

/** Calls init() at once, so nothing reaches the SDK between the guard, the handler and its start. */
function startSdk(sdk: ZohoSdk): Promise<unknown> {
  try {
    return Promise.resolve(sdk.embeddedApp.init());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Zoho's connection takes the JSON body as `parameters` with param_type 2; GET and DELETE carry none. */
function toInvokeRequest({ url, method, body }: HostRequest): ConnectionInvokeRequest {
  if (method === 'GET' || method === 'DELETE') return { url, method };
  return { url, method, param_type: 2, parameters: body, headers: { 'Content-Type': 'application/json' } };
}
