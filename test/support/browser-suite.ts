import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { startDevServer, type DevServer, type DevServerOptions } from '../../server/index';
import { launchChromium } from '../../server/dev/chromium';

/**
 * Tall enough that the host page need not scroll to reach the widget's buttons: Chromium routes a
 * click that follows a host page scroll at once by stale hit-test data, and the cross-origin frame
 * may then never receive it.
 */
const TALL_VIEWPORT = { width: 1280, height: 2000 } as const;

export interface BrowserSuite {
  server(): DevServer;
  browser(): Browser;
  /** The fresh context of the running test. */
  context(): BrowserContext;
}

export interface BrowserSuiteOptions {
  /** e.g. `{ bypassCSP: true }` for a test that adds a frame the CRM page's policy would refuse */
  context?: BrowserContextOptions;
  /** e.g. `{ sdkFile }` to serve Zoho's own SDK file instead of the stand-in, or the emulator's options */
  server?: Pick<DevServerOptions, 'sdkFile' | 'emulatorOptions'>;
}

/**
 * One dev server (port 0, widget built from the current source) and one Chromium per test file
 * (or per describe block that calls it); a fresh emulator and a new browser context per test.
 */
export function useBrowserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: DevServer | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;

  beforeAll(async () => {
    server = await startDevServer({ ...options.server, port: 0, build: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    server?.emulator.reset();
    context = (await browser?.newContext({ viewport: TALL_VIEWPORT, ...options.context })) ?? null;
  });
  afterEach(async () => {
    await context?.close();
    context = null;
  });

  const present = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is not ready: call it inside a test`);
    return value;
  };
  return {
    server: () => present(server, 'The dev server'),
    browser: () => present(browser, 'The browser'),
    context: () => present(context, 'The browser context'),
  };
}
