import type { IncomingMessage, ServerResponse } from 'node:http';

export type FetchHandler = (request: Request) => Promise<Response>;

async function readBody(message: IncomingMessage): Promise<ArrayBuffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const whole = Buffer.concat(chunks);
  const copy = new ArrayBuffer(whole.byteLength);
  new Uint8Array(copy).set(whole);
  return copy;
}

/** Node's request as a Fetch Request; `scheme` is the server's (http or https). */
export async function toFetchRequest(message: IncomingMessage, scheme: 'http' | 'https'): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const method = message.method ?? 'GET';
  const host = message.headers.host ?? 'localhost';
  const body = method === 'GET' || method === 'HEAD' ? null : await readBody(message);
  return new Request(`${scheme}://${host}${message.url ?? '/'}`, { method, headers, body });
}

/** Serves a function from Request to Response on a Node http(s) server. */
export function nodeListener(handler: FetchHandler, scheme: 'http' | 'https' = 'http') {
  return (message: IncomingMessage, response: ServerResponse): void => {
    void (async () => {
      try {
        const answer = await handler(await toFetchRequest(message, scheme));
        const headers: Record<string, string> = {};
        answer.headers.forEach((value, name) => (headers[name] = value));
        response.writeHead(answer.status, headers);
        response.end(message.method === 'HEAD' ? undefined : Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        // A dropped emulator call and a broken handler look alike to a client: the socket closes.
        if (!response.headersSent) response.destroy(error instanceof Error ? error : undefined);
        else response.end();
      }
    })();
  };
}
