/**
 * A stand-in for `window.ZOHO` in the SDK's own shape whose CONNECTION.invoke carries calls to the
 * emulator as Zoho's connection does, and which can be told to never answer a call: the SDK sets
 * no time limit of its own, so only the widget's host can end the wait.
 */
import type { Emulator } from '../../../server/emulator';
import type { ConnectionInvokeRequest, ZohoSdk } from '../../../widget/host/zoho-sdk';

export interface SilentSdk {
  sdk: ZohoSdk;
  /** The next invoke with this method never answers; with `applied`, the emulator still acts on it. */
  silenceNext(method: string, options: { applied: boolean }): void;
  /** How many invokes were left without an answer. */
  readonly silenced: number;
}

const TOKENS: Record<string, string> = { recordlock_user: '1000.demo.rep', recordlock_org: '1000.demo.admin' };

export function createSilentSdk(emulator: Emulator, page: { Entity: string; EntityId: string }): SilentSdk {
  let pageLoad: ((data: unknown) => void) | undefined;
  let silence: { method: string; applied: boolean } | null = null;
  let silenced = 0;

  const forward = async (link: string, request: ConnectionInvokeRequest): Promise<string> => {
    const headers = new Headers({ Authorization: `Zoho-oauthtoken ${TOKENS[link] ?? 'unknown'}` });
    const hasBody = request.parameters !== undefined;
    if (hasBody) headers.set('Content-Type', 'application/json');
    const response = await emulator.handle(
      new Request(request.url, { method: request.method, headers, body: hasBody ? JSON.stringify(request.parameters) : null }),
    );
    return response.text();
  };

  const sdk: ZohoSdk = {
    embeddedApp: {
      on: (_event, handler) => void (pageLoad = handler),
      init: async () => {
        queueMicrotask(() => pageLoad?.(page));
        return undefined;
      },
    },
    CRM: {
      CONFIG: {
        getCurrentUser: async () => JSON.parse(await forward('recordlock_user', { url: 'https://www.zohoapis.com/crm/v8/users?type=CurrentUser', method: 'GET' })),
        GetCurrentEnvironment: async () => ({ deployment: 'US' }),
      },
      CONNECTION: {
        invoke: async (link, request) => {
          if (silence && silence.method === request.method) {
            const { applied } = silence;
            silence = null;
            silenced += 1;
            if (applied) await forward(link, request);
            return new Promise(() => undefined);
          }
          const statusMessage = await forward(link, request);
          return { code: 'SUCCESS', details: { statusMessage }, message: 'Connection invoked successfully', status: 'success' };
        },
      },
      UI: { Resize: async () => true, Record: { open: async () => true } },
    },
  };
  return {
    sdk,
    silenceNext: (method, options) => void (silence = { method, applied: options.applied }),
    get silenced() {
      return silenced;
    },
  };
}
