import { access } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { z } from 'zod';
import { captureScreenshots } from './capture-screenshots';
import { renderIcons } from './render-icons';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = `${root}dist/listing`;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const runningDevServerSchema = z.object({
  url: z.string().url(),
  widgetUrl: z.string().url(),
  close: z.custom<() => Promise<void>>((value) => typeof value === 'function'),
});

const devServerModuleSchema = z.object({
  startDevServer: z.custom<(options: { port: number }) => Promise<unknown>>((value) => typeof value === 'function'),
});

/**
 * The harness's dev server, loaded at run time so this script type-checks and renders the icons
 * even while server/index.ts is not there yet; says why when it cannot be loaded.
 */
async function loadDevServer(): Promise<{ start: () => Promise<z.infer<typeof runningDevServerSchema>> } | { missing: string }> {
  const entry = new URL('../index.ts', import.meta.url);
  try {
    await access(entry);
  } catch {
    // access() rejects exactly when the file is not there
    return { missing: 'server/index.ts does not exist yet' };
  }
  const parsed = devServerModuleSchema.safeParse(await import(pathToFileURL(fileURLToPath(entry)).href));
  if (!parsed.success) return { missing: 'server/index.ts does not export startDevServer' };
  const { startDevServer } = parsed.data;
  return { start: async () => runningDevServerSchema.parse(await startDevServer({ port: 0 })) };
}

// `tsx server/listing/render-assets.ts [--icons-only]`: icons and screenshots into dist/listing/.
const iconsOnly = process.argv.includes('--icons-only');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
try {
  for (const path of await renderIcons(browser, fileURLToPath(new URL('icon.svg', import.meta.url)), outDir)) console.log(`wrote ${path}`);
  if (!iconsOnly) {
    const devServer = await loadDevServer();
    if ('missing' in devServer) {
      console.error(`No screenshots: ${devServer.missing}. Run again once it does, or pass --icons-only.`);
      process.exitCode = 1;
    } else {
      const server = await devServer.start();
      try {
        for (const path of await captureScreenshots(browser, server.url, server.widgetUrl, outDir)) console.log(`wrote ${path}`);
      } finally {
        await server.close();
      }
    }
  }
} finally {
  await browser.close();
}
