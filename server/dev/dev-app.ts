import { readFile } from 'node:fs/promises';
import type { PageOrigins } from '../harness/harness-page';
import type { BrowserEntry } from './browser-bundles';
import { notFound, serveStatic } from './static-files';

/** Where widget.html loads Zoho's SDK from; the dev server points it at the stand-in. */
export const ZOHO_SDK_CDN = /https:\/\/live\.zwidgets\.com\/js-sdk\/[^"'\s]+\/ZohoEmbededAppSDK\.min\.js/g;
export const STAND_IN_SDK_PATH = '/sdk/ZohoEmbededAppSDK.min.js';

const JS = 'text/javascript; charset=utf-8';

function text(body: string, contentType: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}

/**
 * The dev server as one function from Request to Response: the harness page on the harness
 * origin, app/ and the SDK stand-in for the widget's origin, the emulator under /crm/.
 * Requests naming another host are refused, so that no other site can reach it by DNS tricks.
 */
export function createDevApp(options: {
  appDir: string;
  origins(): PageOrigins;
  emulator(request: Request): Promise<Response>;
  harness(request: Request): Promise<Response | null>;
  bundle(entry: BrowserEntry): Promise<string>;
  /** A local copy of Zoho's own SDK file to serve instead of the stand-in. */
  sdkFile?: string;
}): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const origins = options.origins();
    const allowedHosts = [origins.harness, origins.widget].map((origin) => new URL(origin).host);
    if (!allowedHosts.includes(url.host)) return text('Unknown host\n', 'text/plain; charset=utf-8', 421);
    const path = url.pathname;

    if (path.startsWith('/crm/')) return options.emulator(request);
    if (path === '/favicon.ico') return new Response(null, { status: 204 });

    if (path.startsWith('/app/')) {
      // Every page (the panel, the web tab, the list button's popup, any later one) loads Zoho's SDK from
      // its CDN; locally it gets the stand-in (or the given SDK file). A page app/ lacks is the static server's 404.
      if (/^\/app\/[\w-]+\.html$/.test(path)) {
        const html = await readFile(`${options.appDir}${path.slice('/app'.length)}`, 'utf8').catch(() => null);
        if (html === null) return notFound();
        return text(html.replace(ZOHO_SDK_CDN, STAND_IN_SDK_PATH), 'text/html; charset=utf-8');
      }
      return serveStatic(options.appDir, path.slice('/app/'.length));
    }

    if (path === STAND_IN_SDK_PATH) {
      if (options.sdkFile) return text(await readFile(options.sdkFile, 'utf8'), JS);
      return text(await options.bundle('sdk'), JS);
    }
    // The helper script Zoho's SDK asks for after registering: nothing to do locally.
    if (path === '/sdk/zdk.js') return text('/* Zoho ZDK helpers are not needed in the local CRM. */\n', JS);

    if (url.origin !== origins.harness) {
      // The widget's origin serves the widget only; the CRM page lives on the harness origin.
      if (path === '/') return Response.redirect(`${origins.harness}/${url.search}`, 302);
      return notFound();
    }
    if (path === '/harness/harness.js') return text(await options.bundle('harness'), JS);
    if (path === '/harness/harness.css') {
      return text(await readFile(new URL('../harness/page/harness.css', import.meta.url), 'utf8'), 'text/css; charset=utf-8');
    }
    return (await options.harness(request)) ?? notFound();
  };
}
