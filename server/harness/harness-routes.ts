import { z } from 'zod';
import type { CrmReader } from './crm-reader';
import { renderHarnessPage, type PageOrigins, type ServerSwitches } from './harness-page';
import { invokeRequestSchema, type HarnessAnswer, type InvokeRequest, type InvokeResult } from './invoke-schema';
import { renderListPage } from './list-page';
import { loadListPage } from './list-page-data';
import { loadHarnessPage } from './page-data';
import type { DemoUser, PageInput } from './session';
import { renderTabPage } from './tab-page';
import { loadTabPage } from './tab-page-data';

const apiLimitSchema = z.object({ reached: z.boolean() });

/** The record page's "API limit reached" switch: the org's credits spent, or given back. */
export interface ApiLimitSwitch {
  reached(): boolean;
  set(reached: boolean): void;
}

const recordQuerySchema = z.object({
  user: z.email(),
  module: z.string().regex(/^[A-Za-z0-9_]+$/),
  id: z.string().regex(/^\d+$/),
});

type PageRenderer = (input: PageInput, origins: PageOrigins, switches: ServerSwitches) => Promise<string>;

/** Each page by its path: read what it shows, then render it. A Map, so no inherited key is a path. */
const PAGES = new Map<string, PageRenderer>([
  ['/', async (input, origins, switches) => renderHarnessPage(await loadHarnessPage(input), origins, switches)],
  ['/tab', async (input, origins, switches) => renderTabPage(await loadTabPage(input), origins, switches)],
  ['/list', async (input, origins, switches) => renderListPage(await loadListPage(input), origins, switches)],
]);

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The harness pages (the record page at `/`, the "Locked records" web tab at `/tab`, a module's list
 * view at `/list`) and the calls their script makes to the dev server: a connection call (tokens
 * stay on the server), an `API.getRecord` read in the signed-in user's session, and the "API limit
 * reached" switch. Answers null for any other path.
 */
export function createHarnessRoutes(options: {
  /** The page's own reads; Zoho's own pages spend no API credits. */
  reader: CrmReader;
  /** The widget's `API.getRecord` reads, which count against the API limits. Default: `reader`. */
  widgetReader?: CrmReader;
  apiLimit: ApiLimitSwitch;
  invoke(input: InvokeRequest): Promise<InvokeResult>;
  users: DemoUser[];
  modules: string[];
  origins(): PageOrigins;
}): (request: Request) => Promise<Response | null> {
  return async (request) => {
    const url = new URL(request.url);
    const origins = options.origins();

    const page = (html: string): Response =>
      new Response(html, {
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'Content-Security-Policy': `default-src 'self'; frame-src ${origins.widget}; base-uri 'none'; form-action 'self'`,
        },
      });

    const render = request.method === 'GET' ? PAGES.get(url.pathname) : undefined;
    if (render) {
      const input = { reader: options.reader, users: options.users, modules: options.modules, query: url.searchParams };
      return page(await render(input, origins, { apiLimitReached: options.apiLimit.reached() }));
    }

    if (url.pathname === '/__harness/invoke' && request.method === 'POST') {
      // Only the harness page itself may spend the connection tokens.
      if (request.headers.get('origin') !== origins.harness) return json({ error: 'Calls come from the harness page only' }, 403);
      const input = invokeRequestSchema.safeParse(await request.json().catch(() => null));
      if (!input.success) return json({ error: z.prettifyError(input.error) }, 400);
      return json(await options.invoke(input.data));
    }

    if (url.pathname === '/__harness/api-limit' && request.method === 'POST') {
      if (request.headers.get('origin') !== origins.harness) return json({ error: 'Calls come from the harness page only' }, 403);
      const input = apiLimitSchema.safeParse(await request.json().catch(() => null));
      if (!input.success) return json({ error: z.prettifyError(input.error) }, 400);
      options.apiLimit.set(input.data.reached);
      return json({ reached: options.apiLimit.reached() });
    }

    if (url.pathname === '/__harness/record' && request.method === 'GET') {
      const query = recordQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) return json({ error: z.prettifyError(query.error) }, 400);
      const { user, module, id } = query.data;
      if (!options.users.some((u) => u.email === user)) return json({ error: `No user ${user} in the local CRM` }, 400);
      const answer = await (options.widgetReader ?? options.reader).get(user, `/crm/v8/${module}/${id}`);
      // Like the SDK's API calls, getRecord resolves with the API's body, errors included.
      const reply: HarnessAnswer = { outcome: 'response', data: answer.body ?? '' };
      return json(reply);
    }

    return null;
  };
}
