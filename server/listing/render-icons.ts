import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/**
 * Icon sizes the listing needs: 120 is the extension logo of Zoho's Marketplace branding guidelines
 * (zoho.com/developer/help/marketplace/guidelines.html), 128 the extension icon Sigma's publish
 * form asks for, 256 and 512 sharp copies for thumbnails and high-density screens.
 */
export const ICON_SIZES = [120, 128, 256, 512] as const;

/** Renders the SVG at each size into <outDir>/icon-<size>.png with a transparent background. */
export async function renderIcons(browser: Browser, svgPath: string, outDir: string): Promise<string[]> {
  const svg = await readFile(svgPath);
  const source = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    try {
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent"><img alt="" src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
      const path = join(outDir, `icon-${size}.png`);
      await writeFile(path, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      written.push(path);
    } finally {
      await page.close();
    }
  }
  return written;
}
