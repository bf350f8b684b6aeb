/** Calls an emulator in-process the way a fetch client would, and reads Zoho's answer. */
import type { Emulator } from '../../server/emulator';

export const BASE = 'https://www.zohoapis.com/crm/v8';

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  /** Parsed JSON, or null for an empty body (204). */
  json: any;
  text: string;
}

export const call = async (
  emulator: Emulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> => {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? '1000.demo.rep' : options.token;
  if (token !== null) headers.set('Authorization', `Zoho-oauthtoken ${token}`);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const url = path.startsWith('http') ? path : `${BASE}${path}`;
  const carriesBody = method !== 'GET' && method !== 'HEAD';
  const response = await emulator.handle(new Request(url, { method, headers, body: carriesBody ? (body ?? null) : null }));
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : JSON.parse(text), text };
};
