import { callSummary } from './call-summary';
import { apiDomainOf, deploymentNamed } from './deployments';
import { OTHER_DATA_CENTRE_BODY, connectionSuccess, connectionTarget } from './connection-call';
import type { ConnectionTokens } from './connection-tokens';
import type { CrmBackend } from './crm-backend';
import type { InvokeRequest, InvokeResult } from './invoke-schema';

const FAULT_HEADER = 'X-Emulator-Fault';
const VARIANT_HEADER = 'X-Emulator-Variant';

function isInvalidToken(body: string): boolean {
  try {
    return (JSON.parse(body) as { code?: unknown }).code === 'INVALID_TOKEN';
  } catch {
    return false;
  }
}

function failure(code: string, message: string): InvokeResult {
  return { answer: { outcome: 'failure', data: { code, message } }, call: null };
}

/**
 * Carries out one CRM_CONNECTION call for the harness page, as Zoho does behind
 * `ZOHO.CRM.CONNECTION.invoke`: picks the connection's token, checks the URL against the org's
 * data centre, calls the emulator, and wraps its body. The HTTP status goes to the call log only.
 */
export function createConnectionInvoker(options: {
  backend: Pick<CrmBackend, 'handle'>;
  tokens: ConnectionTokens;
  now?: () => number;
}): (input: InvokeRequest) => Promise<InvokeResult> {
  const now = options.now ?? (() => performance.now());

  return async (input) => {
    const token = options.tokens.tokenFor(input.connection, input.user);
    if (token === null) {
      return failure('INVALID_CONNECTION', `No connection with the link name "${input.connection}" in this extension`);
    }
    const deployment = deploymentNamed(input.deployment);
    if (deployment === null) return failure('INVALID_DATA', `Unknown data centre "${input.deployment}"`);
    const apiDomain = apiDomainOf(deployment);
    const target = connectionTarget(input.request, apiDomain);
    if (target.kind === 'invalid') return failure('INVALID_URL', target.message);
    const path = target.pathAndQuery;

    if (target.kind === 'other-data-centre') {
      return {
        answer: { outcome: 'response', data: connectionSuccess(JSON.stringify(OTHER_DATA_CENTRE_BODY)) },
        call: { connection: input.connection, method: target.method, path, status: 401, durationMs: 0 },
      };
    }

    const started = now();
    const summary = callSummary(path, target.body);
    const logged = (status: number | null) => ({
      connection: input.connection,
      method: target.method,
      path,
      status,
      durationMs: Math.round(now() - started),
      ...(summary === undefined ? {} : { summary }),
    });
    const call = (bearer: string) => {
      const headers = new Headers(target.headers);
      headers.set('Authorization', `Zoho-oauthtoken ${bearer}`);
      if (input.fault) headers.set(FAULT_HEADER, input.fault);
      if (input.variant) headers.set(VARIANT_HEADER, input.variant);
      return options.backend.handle(new Request(`${apiDomain}${path}`, { method: target.method, headers, body: target.body }));
    };
    try {
      let response = await call(token);
      if (response.type === 'error') throw new Error('connection dropped');
      let body = await response.text();
      if (response.status === 401 && isInvalidToken(body)) {
        // The emulator was reset and forgot the tokens it issued: authorise the connection again.
        const renewed = options.tokens.renew(input.connection, input.user);
        if (renewed !== null) {
          response = await call(renewed);
          body = await response.text();
        }
      }
      return { answer: { outcome: 'response', data: connectionSuccess(body) }, call: logged(response.status) };
    } catch {
      // A dropped connection (fault injection or a broken emulator): Zoho rejects the invoke promise.
      return {
        answer: { outcome: 'failure', data: { code: 'CONNECTION_FAILED', message: 'The connection could not reach Zoho CRM' } },
        call: logged(null),
      };
    }
  };
}
