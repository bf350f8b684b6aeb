import { fileURLToPath } from 'node:url';
import { launchChromium } from '../dev/chromium';
import { startDevServer } from '../index';
import { captureScreenshots } from './capture-screenshots';
import { renderIcons } from './render-icons';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = `${root}dist/listing`;

// `tsx server/listing/render-assets.ts [--icons-only]`: icons and screenshots into dist/listing/.
const iconsOnly = process.argv.includes('--icons-only');
const browser = await launchChromium();
try {
  for (const path of await renderIcons(browser, fileURLToPath(new URL('icon.svg', import.meta.url)), outDir)) console.log(`wrote ${path}`);
  if (!iconsOnly) {
    const server = await startDevServer({ port: 0 });
    try {
      for (const path of await captureScreenshots(browser, server.url, server.widgetUrl, outDir)) console.log(`wrote ${path}`);
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
