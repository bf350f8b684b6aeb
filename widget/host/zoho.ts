import * as z from './zod';
import { apiDomainFor } from './api-domains';
import { parseConnectionAnswer } from './connection-answer';
import { HostError, type Host, type HostRequest } from './host';
import { installMessageGuard } from './message-guard';
import { parsePageLoad } from './page-load';
import { withTimeout } from './with-timeout';
import { findZohoSdk, type ConnectionInvokeRequest, type ZohoSdk } from './zoho-sdk';
import { parseCurrentUser } from './zoho-user';
import { watchVisibility } from './visibility';

export interface ZohoHostOptions {
  window: Window;
  /** Time limit for the SDK's start-up and for each call; default 15000 ms. */
  timeoutMs?: number;
  /** Connection link names; default recordlock_user / recordlock_org (plugin-manifest.json). */
  connections?: { user: string; org: string };
}

const environmentSchema = z.object({ deployment: z.string(), ZGID: z.optional(z.unknown()) });

/** What an extension of the Host (zoho-tab.ts) reaches of the started SDK; null without `window.ZOHO`. */
export interface ZohoSdkAccess {
  /** The first PageLoad's data as it came, within the time limit. */
  firstPageLoad(): Promise<unknown>;
  /** One SDK call after start-up, with its own time limit; a rejection becomes HostError('connection'). */
  call<T>(what: string, invoke: (sdk: ZohoSdk) => Promise<unknown>, parse: (answer: unknown) => T): Promise<T>;
}

/**
 * The Host over Zoho's embedded-app SDK. Installs the message guard and the PageLoad handler, then
 * starts the SDK at once. Without `window.ZOHO` every call rejects with HostError('unavailable').
 */
export function createZohoHost(options: ZohoHostOptions): Host {
  return createExtendedZohoHost(options, () => ({}));
}

/**
 * The Host plus what `extend` adds over the same SDK (the Web Tab's calls live in zoho-tab.ts, so
 * the record panel's page carries none of them).
 */
export function createExtendedZohoHost<X extends object>(options: ZohoHostOptions, extend: (access: ZohoSdkAccess | null) => X): Host & X {
  const { window } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const links = options.connections ?? { user: 'recordlock_user', org: 'recordlock_org' };
  const sdk = findZohoSdk(window);
  const onVisible = (callback: () => void) => watchVisibility(window.document, callback);

  if (!sdk) {
    const unavailable = () => Promise.reject(new HostError('unavailable', 'Zoho CRM SDK not found'));
    return {
      ...extend(null),
      pageContext: unavailable,
      currentUser: unavailable,
      environment: unavailable,
      request: unavailable,
      resize: () => undefined,
      onVisible,
    };
  }

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

  const pageLoad = () => ready.then(() => withTimeout(firstPageLoad, timeoutMs, 'PageLoad'));

  return {
    ...extend({ firstPageLoad: pageLoad, call }),
    pageContext: () => pageLoad().then(parsePageLoad),
    currentUser: () => call('getCurrentUser', (s) => s.CRM.CONFIG.getCurrentUser(), parseCurrentUser),
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
    resize: (height) => {
      const size = { height: Math.ceil(height), width: window.innerWidth };
      // Fire and forget: a frame that keeps its old height is not worth an error on screen.
      ready.then((started) => started.CRM.UI.Resize(size)).catch(() => undefined);
    },
    onVisible,
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
