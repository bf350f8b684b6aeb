/**
 * Serves an emulator over node:http. Each IncomingMessage becomes a fetch Request; a dropped
 * call (the handler rejects) destroys the socket, as a network failure would.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from './body';
import type { Emulator } from './emulator';

/** Reads at most one byte past the limit, so an oversized body is refused without buffering it all. */
const readBody = (message: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      chunks.push(chunk);
      size += chunk.length;
    });
    message.on('end', () => resolve(Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1)));
    message.on('error', reject);
  });

const toRequest = async (message: IncomingMessage, origin: string): Promise<Request> => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined || name === 'content-length' || name === 'transfer-encoding') continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = message.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(message);
  return new Request(new URL(message.url ?? '/', origin), {
    method,
    headers,
    body: body === undefined ? null : new Blob([new Uint8Array(body)]),
  });
};

const send = async (response: Response, out: ServerResponse): Promise<void> => {
  out.statusCode = response.status;
  response.headers.forEach((value, name) => out.setHeader(name, value));
  out.end(Buffer.from(await response.arrayBuffer()));
};

export const listen = (
  emulator: Emulator,
  options: { port?: number; host?: string } = {},
): Promise<{ url: string; close(): Promise<void> }> => {
  const host = options.host ?? '127.0.0.1';
  let origin = `http://${host}`;
  const server = createServer((message, out) => {
    toRequest(message, origin)
      .then((request) => emulator.handle(request))
      .then((response) => send(response, out))
      .catch(() => {
        // The emulator only rejects for a dropped call: end it like a lost connection.
        message.socket.destroy();
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      resolve({
        url: origin,
        close: () =>
          new Promise<void>((done, failed) => {
            server.closeAllConnections();
            server.close((error) => (error ? failed(error) : done()));
          }),
      });
    });
  });
};
