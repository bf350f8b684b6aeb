/**
 * The dev server (`npm start`): a local Zoho CRM record page with the widget embedded as Zoho
 * embeds it, the SDK stand-in, and the emulator, on 127.0.0.1 only. `--zoho` serves app/ over
 * HTTPS like `zet run` instead, for a real Zoho CRM sandbox.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildWidget, watchWidget } from './build/build-widget';
import { createEmulator, DEMO_USERS, type Emulator, type EmulatorOptions } from './emulator/index';
import { createConnectionTokens } from './harness/connection-tokens';
import { createCrmReader } from './harness/crm-reader';
import { apiDomainOf, DEFAULT_DEPLOYMENT } from './harness/deployments';
import { createHarnessRoutes } from './harness/harness-routes';
import { WIDGET_PATH, type PageOrigins } from './harness/harness-page';
import { createConnectionInvoker } from './harness/invoke-connection';
import { readManifest } from './harness/manifest';
import { createBrowserBundles } from './dev/browser-bundles';
import { parseCliOptions } from './dev/cli-options';
import { limitsOf } from './emulator/limit-options';
import { variantOptionsOf } from './emulator/variant-options';
import { createDevApp } from './dev/dev-app';
import { closeServer, listenOn, PortBusyError } from './dev/listen';
import { nodeListener } from './dev/node-adapter';
import { startZohoModeServer } from './dev/zoho-mode';

const root = fileURLToPath(new URL('..', import.meta.url));
const INSTALLING_ADMIN = 'admin@example.com';

export interface DevServerOptions {
  /** 0 picks a free port. Default 5000. */
  port?: number;
  /** Default 127.0.0.1; the widget's origin is then http://localhost:<port>. */
  host?: string;
  emulatorOptions?: EmulatorOptions;
  /** Rebuild the widget when widget/ changes. Default false. */
  watch?: boolean;
  /** Build the widget once before serving. Default true. */
  build?: boolean;
  /** Serve this local copy of Zoho's SDK file instead of the stand-in. */
  sdkFile?: string;
  /** Told about each rebuild while watching. */
  onRebuild?(errors: number): void;
}

export interface DevServer {
  /** The CRM record page, e.g. http://127.0.0.1:5000 */
  url: string;
  /** widget.html on the widget's own origin, e.g. http://localhost:5000/app/widget.html */
  widgetUrl: string;
  emulator: Emulator;
  close(): Promise<void>;
}

/**
 * Starts the dev server in-process; e2e tests and benchmarks pass `port: 0`.
 * @example const server = await startDevServer({ port: 0, build: false }); await server.close();
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const host = options.host ?? '127.0.0.1';
  if (host === 'localhost') throw new Error('Serve the CRM page on 127.0.0.1: localhost is the widget’s own origin');
  if (options.build ?? true) await buildWidget();
  const emulator = createEmulator(options.emulatorOptions);
  const manifest = readManifest(JSON.parse(readFileSync(`${root}plugin-manifest.json`, 'utf8')));
  const users = DEMO_USERS.map(({ email, name, profileName }) => ({ email, name, profileName }));
  let origins: PageOrigins | null = null;
  const currentOrigins = (): PageOrigins => {
    if (origins === null) throw new Error('The dev server is not listening yet');
    return origins;
  };

  const session = {
    backend: emulator,
    sessionToken: (email: string) => DEMO_USERS.find((u) => u.email === email)?.token ?? null,
    apiDomain: apiDomainOf(DEFAULT_DEPLOYMENT),
  };
  const reader = createCrmReader({ ...session, metered: false });
  const tokens = createConnectionTokens({
    connections: manifest.connections,
    issueToken: (email, scopes) => emulator.issueToken(email, scopes),
    installingAdmin: INSTALLING_ADMIN,
  });
  const harness = createHarnessRoutes({
    reader,
    widgetReader: createCrmReader(session),
    apiLimit: {
      reached: () => emulator.credits().remaining === 0,
      set: (reached) => emulator.setRemainingCredits(reached ? 0 : emulator.credits().allowance),
    },
    invoke: createConnectionInvoker({ backend: emulator, tokens }),
    users,
    modules: manifest.widgetModules,
    origins: currentOrigins,
  });
  const app = createDevApp({
    appDir: `${root}app`,
    origins: currentOrigins,
    emulator: (request) => emulator.handle(request),
    harness,
    bundle: createBrowserBundles(),
    ...(options.sdkFile ? { sdkFile: options.sdkFile } : {}),
  });

  const server = createServer(nodeListener(app));
  const port = await listenOn(server, options.port ?? 5000, host);
  origins = { harness: `http://${host}:${port}`, widget: `http://localhost:${port}` };
  const stopWatching = options.watch ? await watchWidget(options.onRebuild ?? (() => undefined)) : null;

  return {
    url: origins.harness,
    widgetUrl: `${origins.widget}${WIDGET_PATH}`,
    emulator,
    close: async () => {
      await stopWatching?.();
      await closeServer(server);
    },
  };
}

async function main(): Promise<void> {
  const cli = parseCliOptions(process.argv.slice(2), process.env);
  const host = '127.0.0.1';

  const reportRebuild = (errors: number) =>
    console.log(errors === 0 ? 'Widget rebuilt.' : `Widget build failed with ${errors} error(s).`);

  if (cli.zoho) {
    await buildWidget();
    const stopWatching = cli.watch ? await watchWidget(reportRebuild) : null;
    const served = await startZohoModeServer({ root, port: cli.port, host });
    if (served.certificateCreated) console.log(`Made a self-signed certificate: ${served.certPath}`);
    console.log(`Serving app/ like \`zet run\` at ${served.url}`);
    console.log(`Widget URL to register in Zoho CRM: ${served.url}/app/widget.html`);
    console.log(`Trust the certificate first: open ${served.url}/app/widget.html in the browser and accept it,`);
    console.log(`or add ${served.certPath} to your system's trusted certificates.`);
    onStop(async () => {
      await stopWatching?.();
      await served.close();
    });
    return;
  }

  const server = await startDevServer({
    port: cli.port,
    host,
    watch: cli.watch,
    emulatorOptions: {
      ...(cli.data ? { dataFile: cli.data } : {}),
      latencyMs: cli.latency,
      faults: { errorRate: cli['error-rate'], dropRate: cli['drop-rate'] },
      limits: limitsOf(cli),
      seed: cli.org === 'large' ? 'large' : true,
      ...variantOptionsOf(cli),
    },
    onRebuild: reportRebuild,
  });
  console.log(`Local Zoho CRM: ${server.url}`);
  console.log(`Widget (its own origin, as in Zoho): ${server.widgetUrl}`);
  console.log(`REST emulator: ${server.url}/crm/v8/  (Authorization: Zoho-oauthtoken <token>)`);
  console.log(`API limits: ${server.emulator.credits().allowance} credits per rolling 24 hours (--credits N)`);
  console.log('Demo users:');
  for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(22)} ${user.profileName.padEnd(14)} token ${user.token}`);
  onStop(() => server.close());
}

function onStop(close: () => Promise<void>): void {
  const stop = () => void close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof PortBusyError || error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
