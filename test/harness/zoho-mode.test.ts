import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createZohoModeApp } from '../../server/dev/zoho-mode';

const root = fileURLToPath(new URL('../..', import.meta.url));
const app = createZohoModeApp(root);
const get = (path: string) => app(new Request(`https://127.0.0.1:5000${path}`));

describe('zet-run-like server (--zoho)', () => {
  it('redirects / to /app', async () => {
    const response = await get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://127.0.0.1:5000/app');
  });

  it('serves widget.html unchanged, still loading Zoho’s SDK from its CDN', async () => {
    const response = await get('/app/widget.html');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('https://live.zwidgets.com/js-sdk/');
  });

  it('serves the manifest and lists app/', async () => {
    expect(await (await get('/plugin-manifest.json')).json()).toMatchObject({ service: 'CRM' });
    expect(await (await get('/app')).text()).toContain('widget.html');
  });

  it.each(['/', '/app/widget.html', '/plugin-manifest.json', '/missing'])('lets any origin read %s', async (path) => {
    expect((await get(path)).headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each(['/app/..%2fpackage.json', '/app/%2e%2e%2f.data', '/missing'])('answers 404 for %s', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});
