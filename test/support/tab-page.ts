import type { FrameLocator, Page } from 'playwright-core';
import { WIDGET_FRAME } from './record-page';

export interface TabPageQuery {
  /** A demo user's email, e.g. rep@example.com */
  user: string;
  /** Where the CRM's menu places the tab; default Deals. The tab's own picker chooses what it lists. */
  module?: string;
  /** Emulator variants the tab's calls meet (`&variant=`), comma-separated. */
  variant?: string | undefined;
}

/** The "Locked records" web tab for one user, e.g. http://127.0.0.1:5000/tab?user=…&module=Deals */
export function tabPageUrl(serverUrl: string, query: TabPageQuery): string {
  const params = new URLSearchParams({ user: query.user, module: query.module ?? 'Deals' });
  if (query.variant !== undefined) params.set('variant', query.variant);
  return `${serverUrl}/tab?${params}`;
}

/** Opens the web tab in `page` and picks the module in its picker, as a user does; the tab's frame. */
export async function openTabOn(page: Page, serverUrl: string, query: TabPageQuery & { pick: string }): Promise<FrameLocator> {
  await page.goto(tabPageUrl(serverUrl, query));
  const tab = page.frameLocator(WIDGET_FRAME);
  // selectOption waits until the picker offers the module: it fills in as the configurations are read.
  await tab.getByRole('combobox', { name: 'Module' }).selectOption(query.pick);
  return tab;
}

/** The record names of the rows the tab's table shows now (its header row left out). */
export async function listedNames(tab: FrameLocator, among: readonly string[]): Promise<string[]> {
  const rows = await tab.getByRole('table', { name: 'Locked records' }).getByRole('row').allInnerTexts();
  return among.filter((name) => rows.slice(1).some((row) => row.includes(name)));
}
