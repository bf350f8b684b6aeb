import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { SEED } from '../emulator/seed';

/** One listing screenshot: the harness's record page as a given user sees it. */
export interface ListingShot {
  file: string;
  /** What the picture shows, for the listing's captions. */
  caption: string;
  user: string;
  module: string;
  record: string;
}

/** The states the listing shows, in the order Zoho displays screenshots (the first is the main one). */
export const LISTING_SHOTS: readonly ListingShot[] = [
  {
    file: 'screenshot-1-locked-manually.png',
    caption: 'A deal locked by hand, with who locked it, when and why; its owner may edit the reason or unlock it.',
    user: 'rep@example.com',
    module: 'Deals',
    record: SEED.deals.hooliPricing,
  },
  {
    file: 'screenshot-2-unlocked.png',
    caption: 'An unlocked deal: lock it with a reason in one step.',
    user: 'manager@example.com',
    module: 'Deals',
    record: SEED.deals.acmeRenewal,
  },
  {
    file: 'screenshot-3-locked-by-rule.png',
    caption: 'A deal locked automatically by a locking rule, which nobody can lift by hand.',
    user: 'manager@example.com',
    module: 'Deals',
    record: SEED.deals.initechClosedWon,
  },
  {
    file: 'screenshot-4-not-allowed.png',
    caption: 'A user whose profile may not lock sees the status and why the actions are not offered.',
    user: 'intern@example.com',
    module: 'Deals',
    record: SEED.deals.acmeRenewal,
  },
];

/** Zoho asks for screenshots of at least 1024 x 768. */
export const SCREENSHOT_VIEWPORT = { width: 1280, height: 800 } as const;

async function widgetFrame(page: Page, widgetUrl: string): Promise<Frame> {
  const widgetPath = new URL(widgetUrl).pathname;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame() && candidate.url().includes(widgetPath));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`the harness page shows no widget frame (${widgetPath})`);
}

/** Waits until the widget shows a settled state: text on screen, nothing marked busy. */
async function widgetSettled(frame: Frame): Promise<void> {
  await frame.waitForFunction(
    () => {
      const root = document.getElementById('record-lock');
      return !!root && (root.textContent ?? '').trim().length > 0 && !root.querySelector('[aria-busy="true"]');
    },
    undefined,
    { timeout: 15_000 },
  );
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Waits until the harness has resized the iframe to the widget's content, so nothing is cut off. */
async function frameFitsContent(frame: Frame): Promise<void> {
  const element = await frame.frameElement();
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const contentHeight = await frame.evaluate(() => document.documentElement.scrollHeight);
    const box = await element.boundingBox();
    if (box && box.height >= contentHeight - 1) return;
    await frame.waitForTimeout(50);
  }
  throw new Error('the harness never resized the widget frame to its content');
}

/** Opens each state on the harness page at `harnessUrl` and saves a PNG of the page into outDir. */
export async function captureScreenshots(browser: Browser, harnessUrl: string, widgetUrl: string, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const shot of LISTING_SHOTS) {
    const page = await browser.newPage({ viewport: SCREENSHOT_VIEWPORT, deviceScaleFactor: 1 });
    try {
      const url = new URL(harnessUrl);
      url.searchParams.set('user', shot.user);
      url.searchParams.set('module', shot.module);
      url.searchParams.set('record', shot.record);
      await page.goto(url.href, { waitUntil: 'load' });
      const frame = await widgetFrame(page, widgetUrl);
      await widgetSettled(frame);
      await frameFitsContent(frame);
      const path = join(outDir, shot.file);
      await page.screenshot({ path });
      written.push(path);
    } finally {
      await page.close();
    }
  }
  return written;
}
