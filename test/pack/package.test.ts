import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packExtension, type PackResult } from '../../server/build/pack';
import { readZip, type ZipEntry } from '../../server/build/read-zip';

// jsdom reads widget.html as a browser would; it ships without type declarations, so name what we use.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } };
const root = fileURLToPath(new URL('../../', import.meta.url));
const SDK = /^https:\/\/live\.zwidgets\.com\/js-sdk\/\d+(\.\d+)*\/ZohoEmbededAppSDK\.min\.js$/;
const TEXT = /\.(html|js|css|json|svg|txt|md|xml)$/;

let outDir: string;
let result: PackResult;
let files: ZipEntry[];

function entry(name: string): ZipEntry {
  const found = files.find((file) => file.name === name);
  if (!found) throw new Error(`${name} is not in the zip`);
  return found;
}

function pageOf(html: string): Document {
  return new JSDOM(entry(`app/${html}`).content.toString('utf8')).window.document;
}

const widgetPage = () => pageOf('widget.html');

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'record-lock-package-test-'));
  result = await packExtension({ outDir });
  files = readZip(await readFile(result.zipPath)).filter((file) => !file.name.endsWith('/'));
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the packed extension (npm run pack)', () => {
  it('is named after the product, not after the checkout folder', () => {
    expect(basename(result.zipPath)).toBe('record-lock.zip');
  });

  it('holds the three pages, their bundles, their stylesheets and the English messages', () => {
    expect(files.map((file) => file.name)).toEqual(
      expect.arrayContaining([
        'app/widget.html',
        'app/overview.html',
        'app/list.html',
        'app/js/widget.js',
        'app/js/overview.js',
        'app/js/list.js',
        'app/css/widget.css',
        'app/css/overview.css',
        'app/css/list.css',
        'app/translations/en.json',
      ]),
    );
  });

  it('holds only files under app/, exactly the ones it reports', () => {
    expect(files.filter((file) => !file.name.startsWith('app/'))).toEqual([]);
    expect(files.map((file) => ({ path: file.name, bytes: file.bytes })).sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      [...result.files].sort((a, b) => a.path.localeCompare(b.path)),
    );
  });

  it.each([
    ['widget.html', 'js/widget.js', 'css/widget.css'],
    ['overview.html', 'js/overview.js', 'css/overview.css'],
    ['list.html', 'js/list.js', 'css/list.css'],
  ])('loads every script and stylesheet of %s from the zip, except Zoho SDK from its CDN', (html, script, stylesheet) => {
    const page = pageOf(html);
    const references = [...page.querySelectorAll('script[src]')].map((node) => node.getAttribute('src') ?? '')
      .concat([...page.querySelectorAll('link[href]')].map((node) => node.getAttribute('href') ?? ''))
      .concat([...page.querySelectorAll('img[src]')].map((node) => node.getAttribute('src') ?? ''));
    const names = new Set(files.map((file) => file.name));
    const external = references.filter((reference) => new URL(reference, `zip:/app/${html}`).protocol !== 'zip:');
    const unresolved = references
      .filter((reference) => !external.includes(reference))
      .filter((reference) => !names.has(new URL(reference, `zip:/app/${html}`).pathname.slice(1)));

    expect(references).toEqual(expect.arrayContaining([script, stylesheet]));
    expect(unresolved).toEqual([]);
    expect(external).toHaveLength(1);
    expect(external[0]).toMatch(SDK);
  });

  it('loads Zoho SDK before the widget bundle', () => {
    const scripts = [...widgetPage().querySelectorAll('script[src]')].map((node) => node.getAttribute('src') ?? '');
    expect(scripts.findIndex((src) => SDK.test(src))).toBeLessThan(scripts.indexOf('js/widget.js'));
  });

  it('allows scripts only from itself and Zoho SDK host, and nothing inline', () => {
    const policy = widgetPage().querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    const directives = new Map(
      policy.split(';').map((directive) => directive.trim().split(/\s+/)).filter((tokens) => tokens[0]).map(([name = '', ...sources]) => [name, sources]),
    );
    const scriptSources = directives.get('script-src') ?? directives.get('default-src');

    expect(scriptSources?.length).toBeGreaterThan(0);
    expect(scriptSources?.every((source) => ["'self'", 'https://live.zwidgets.com'].includes(source))).toBe(true);
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("'unsafe-eval'");
  });

  it('ships no source maps', () => {
    expect(files.filter((file) => file.name.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => file.content.includes('sourceMappingURL')).map((file) => file.name)).toEqual([]);
  });

  it.each([
    { local: 'localhost', pattern: /localhost/i },
    { local: '127.0.0.1', pattern: /127\.0\.0\.1/ },
    // A file: URL, not a key such as `profile:` in the bundle.
    { local: 'file: URLs', pattern: /(?<![A-Za-z])file:/i },
    { local: '/home paths', pattern: /(?<![\w.])\/home\// },
    { local: '/work paths', pattern: /(?<![\w.])\/work\// },
    { local: '/tmp paths', pattern: /(?<![\w.])\/tmp\// },
  ])('mentions no $local in any shipped text file', ({ pattern }) => {
    const leaking = files.filter((file) => TEXT.test(file.name) && pattern.test(file.content.toString('utf8')));
    expect(leaking.map((file) => file.name)).toEqual([]);
  });

  it("stays within Zoho's limits on file count, file size and total size", () => {
    const counted = files.reduce((count, file) => count + (file.name.endsWith('.json') ? 2 : 1), 0);
    expect(counted).toBeLessThanOrEqual(250);
    expect(files.filter((file) => file.bytes > 5_000_000)).toEqual([]);
    expect(files.reduce((sum, file) => sum + file.bytes, 0)).toBeLessThanOrEqual(20_000_000);
  });

  it("uses only file and folder names Zoho accepts", () => {
    const badFiles = files.filter((file) => !/^[A-Za-z0-9_.$-]*$/.test(file.name.split('/').at(-1) ?? ''));
    const badFolders = files.filter((file) => file.name.split('/').slice(0, -1).some((folder) => !/^[A-Za-z0-9_$-]*$/.test(folder)));
    expect(badFiles.map((file) => file.name)).toEqual([]);
    expect(badFolders.map((file) => file.name)).toEqual([]);
  });
});

describe('plugin-manifest.json', () => {
  const connectionSchema = z.object({ connectionLinkName: z.string(), userAccess: z.boolean(), scope: z.array(z.string()) });
  type Connection = z.infer<typeof connectionSchema>;
  const manifestSchema = z.object({
    service: z.literal('CRM'),
    modules: z.object({ widgets: z.array(z.object({ type: z.string(), location: z.string(), url: z.string() })).length(3) }),
    connections: z.array(connectionSchema),
  });
  let connections: Connection[];
  let widgetUrl: string;
  let webTabUrl: string;
  let listButton: { type: string; location: string; url: string } | undefined;

  beforeAll(async () => {
    const manifest = manifestSchema.parse(JSON.parse(await readFile(join(root, 'plugin-manifest.json'), 'utf8')));
    connections = manifest.connections;
    widgetUrl = manifest.modules.widgets.find((widget) => widget.type === 'related_list')?.url ?? '';
    webTabUrl = manifest.modules.widgets.find((widget) => widget.type === 'web_tab')?.url ?? '';
    listButton = manifest.modules.widgets.find((widget) => widget.type === 'button');
  });

  function connection(linkName: string): Connection {
    const found = connections.find((candidate) => candidate.connectionLinkName === linkName);
    if (!found) throw new Error(`no connection ${linkName}`);
    return found;
  }

  it('declares exactly the per-user and the organisation connections the widget invokes', () => {
    expect(connections.map((candidate) => candidate.connectionLinkName).sort()).toEqual(['recordlock_org', 'recordlock_user']);
  });

  it.each([
    { linkName: 'recordlock_user', userAccess: true, who: 'each user authorises it and calls run as that user' },
    { linkName: 'recordlock_org', userAccess: false, who: 'the administrator authorises it once for everyone' },
  ])('$linkName: $who', ({ linkName, userAccess }) => {
    expect(connection(linkName).userAccess).toBe(userAccess);
  });

  it('keeps the organisation connection read-only', () => {
    expect(connection('recordlock_org').scope.length).toBeGreaterThan(0);
    expect(connection('recordlock_org').scope.filter((scope) => !scope.endsWith('.READ'))).toEqual([]);
  });

  it('lets each user read, set, edit and lift locks with their own account', () => {
    expect(connection('recordlock_user').scope).toEqual(
      expect.arrayContaining(['READ', 'CREATE', 'UPDATE', 'DELETE'].map((operation) => `ZohoCRM.modules.lockinginformation.${operation}`)),
    );
  });

  it('grants neither connection the whole CRM', () => {
    const broad = connections.flatMap((candidate) => candidate.scope).filter((scope) => /^ZohoCRM\.(modules|settings)\.ALL$|^ZohoCRM\.[a-z]+\.ALL$/.test(scope));
    expect(broad).toEqual([]);
  });

  it('starts the widget, the web tab and the list view button from pages that are in the package', () => {
    expect(widgetUrl).toBe('/app/widget.html');
    expect(webTabUrl).toBe('/app/overview.html');
    expect(listButton).toEqual({ type: 'button', location: 'list.button', url: '/app/list.html' });
    const urls = [widgetUrl, webTabUrl, listButton?.url ?? ''];
    expect(files.map((file) => file.name)).toEqual(expect.arrayContaining(urls.map((url) => url.replace(/^\//, ''))));
  });
});
