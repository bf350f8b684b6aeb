/** A request whose body arrives only when the test says so, so that other calls can land meanwhile. */
import { BASE } from './call';

export interface HeldRequest {
  request: Request;
  /** Sends the body and ends the stream. */
  release(): void;
}

export const heldRequest = (method: string, path: string, body: unknown, token = '1000.demo.rep'): HeldRequest => {
  let release = (): void => undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      release = () => {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(body)));
        controller.close();
      };
    },
  });
  const init: RequestInit & { duplex: 'half' } = {
    method,
    headers: { Authorization: `Zoho-oauthtoken ${token}`, 'content-type': 'application/json' },
    body: stream,
    duplex: 'half',
  };
  return { request: new Request(`${BASE}${path}`, init), release: () => release() };
};
