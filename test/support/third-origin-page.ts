import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ThirdOriginPage {
  /** e.g. http://127.0.0.1:40123/ : neither the CRM page's port nor the widget's host */
  url: string;
  close(): Promise<void>;
}

/** Serves one HTML page from a server of its own on 127.0.0.1, a third origin beside the CRM page and the widget. */
export function serveThirdOriginPage(html: string): Promise<ThirdOriginPage> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(html);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done, failed) => {
            server.closeAllConnections();
            server.close((error) => (error ? failed(error) : done()));
          }),
      });
    });
  });
}
