import { createServer, type Server } from 'node:https';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { closeServer, listenOn } from './listen';
import { nodeListener } from './node-adapter';
import { ensureSelfSignedCertificate } from './self-signed-cert';
import { notFound, serveStatic } from './static-files';

/**
 * What `zet run` serves (SDK reference §5.2), for trying the widget inside a real Zoho CRM:
 * /plugin-manifest.json, /app/* with directory listings, / redirecting to /app, and
 * `Access-Control-Allow-Origin: *` on every answer. widget.html is served unchanged.
 */
export function createZohoModeApp(root: string): (request: Request) => Promise<Response> {
  const appDir = join(root, 'app');
  const answer = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname === '/') return Response.redirect(`${url.origin}/app`, 302);
    if (url.pathname === '/plugin-manifest.json') {
      return new Response(await readFile(join(root, 'plugin-manifest.json')), {
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
    }
    if (url.pathname === '/app' || url.pathname.startsWith('/app/')) {
      const relative = url.pathname.slice('/app'.length).replace(/^\//, '');
      return serveStatic(appDir, relative, { listDirectories: true, urlPrefix: url.pathname });
    }
    return notFound();
  };
  return async (request) => {
    const response = await answer(request);
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', '*');
    return new Response(response.body, { status: response.status, headers });
  };
}

export async function startZohoModeServer(options: { root: string; port: number; host: string }): Promise<{
  url: string;
  certPath: string;
  certificateCreated: boolean;
  close(): Promise<void>;
}> {
  const certificate = ensureSelfSignedCertificate(join(options.root, '.data', 'zoho-dev-cert'));
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, nodeListener(createZohoModeApp(options.root), 'https'));
  const port = await listenOn(server, options.port, options.host);
  return {
    url: `https://${options.host}:${port}`,
    certPath: certificate.certPath,
    certificateCreated: certificate.created,
    close: () => closeServer(server),
  };
}
