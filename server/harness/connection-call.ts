import type { ConnectionWireRequest } from '../sdk/protocol';
import { isZohoApiOrigin } from './deployments';

/** Where a connection call goes once its URL has been checked against the org's data centre. */
export type ConnectionTarget =
  | { kind: 'crm'; method: string; pathAndQuery: string; headers: Record<string, string>; body: string | null }
  /** A Zoho API domain of another data centre: the org's token is unknown there. */
  | { kind: 'other-data-centre'; method: string; pathAndQuery: string }
  /** Not a Zoho CRM API URL at all, or a request the connection cannot carry. */
  | { kind: 'invalid'; message: string };

const PARAMS = 1;
const PAYLOAD = 2;
/** Headers the connection sets itself; a widget cannot override them. */
const RESERVED_HEADERS = new Set(['authorization', 'host', 'content-length', 'cookie']);

/**
 * Reads a CRM_CONNECTION request as Zoho's connection would: the URL must be on the org's API
 * domain under /crm/, `parameters` go to the query string (param_type 1, the default) or become
 * the body (param_type 2), and `headers` are forwarded except the ones the connection owns.
 */
export function connectionTarget(request: ConnectionWireRequest, apiDomain: string): ConnectionTarget {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: 'invalid', message: `Not an absolute URL: ${request.url}` };
  }
  const method = (request.method ?? 'GET').toUpperCase();
  if (!isZohoApiOrigin(url.origin) || !url.pathname.startsWith('/crm/')) {
    return { kind: 'invalid', message: `The connection serves Zoho CRM's API only, not ${url.origin}${url.pathname}` };
  }
  const parameters = parseJson(request.parameters);
  const headers = parseJson(request.headers);
  if (parameters === invalidJson || headers === invalidJson) {
    return { kind: 'invalid', message: 'parameters and headers must be JSON' };
  }
  const paramType = Number(request.param_type ?? PARAMS);
  if (paramType !== PARAMS && paramType !== PAYLOAD) {
    return { kind: 'invalid', message: `param_type must be 1 or 2, not ${String(request.param_type)}` };
  }
  if (paramType === PARAMS && isRecord(parameters)) {
    for (const [key, value] of Object.entries(parameters)) url.searchParams.append(key, String(value));
  }
  const pathAndQuery = `${url.pathname}${url.search}`;
  if (url.origin !== apiDomain) return { kind: 'other-data-centre', method, pathAndQuery };

  const forwarded: Record<string, string> = {};
  if (isRecord(headers)) {
    for (const [name, value] of Object.entries(headers)) {
      if (!RESERVED_HEADERS.has(name.toLowerCase())) forwarded[name] = String(value);
    }
  }
  const body = paramType === PAYLOAD && request.parameters !== undefined ? request.parameters : null;
  if (body !== null && !Object.keys(forwarded).some((name) => name.toLowerCase() === 'content-type')) {
    forwarded['Content-Type'] = 'application/json';
  }
  return { kind: 'crm', method, pathAndQuery, headers: forwarded, body };
}

/** Zoho's answer to a connection call that reached the API, whatever the API said (§2.2). */
export interface ConnectionSuccess {
  code: 'SUCCESS';
  details: { statusMessage: unknown };
  message: 'Connection invoked successfully';
  status: 'success';
}

/** Wraps the API's body the way Zoho does: parsed JSON, else the raw text, "" when empty. The HTTP status is not exposed. */
export function connectionSuccess(bodyText: string): ConnectionSuccess {
  const parsed = bodyText === '' ? '' : parseJson(bodyText);
  return {
    code: 'SUCCESS',
    details: { statusMessage: parsed === invalidJson ? bodyText : parsed },
    message: 'Connection invoked successfully',
    status: 'success',
  };
}

/** What Zoho's API answers a token from another data centre. */
export const OTHER_DATA_CENTRE_BODY = { code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' };

const invalidJson = Symbol('invalid JSON');

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return invalidJson;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
