import { z } from 'zod';
import type { Page } from 'playwright-core';
import { callLogEntrySchema } from '../../server/harness/invoke-schema';
import type { HarnessFault } from '../../server/harness/page/page-services';

/** One API call the widget made through a connection, as the harness page logs it, with its time. */
export const harnessCallSchema = callLogEntrySchema.extend({ at: z.string() });

export type HarnessCall = z.infer<typeof harnessCallSchema>;

export type { HarnessFault };

/** The harness page's call log, parsed: it comes from the browser, so it is checked like any outside input. */
export async function harnessCalls(page: Page): Promise<HarnessCall[]> {
  const raw: unknown = await page.evaluate(() => (window as unknown as { __harness: { calls: unknown } }).__harness.calls);
  return z.array(harnessCallSchema).parse(raw);
}

/** Makes the widget's next connection call fail in the given way. */
export async function failNextCall(page: Page, fault: HarnessFault): Promise<void> {
  await page.evaluate((f) => (window as unknown as { __harness: { failNext(fault: string): void } }).__harness.failNext(f), fault);
}

/** Spends the org's API credits, so that every widget call answers 429, or gives them back (the page's switch). */
export async function setApiLimitReached(page: Page, reached: boolean): Promise<void> {
  await page.evaluate(
    (r) => (window as unknown as { __harness: { setApiLimitReached(reached: boolean): Promise<void> } }).__harness.setApiLimitReached(r),
    reached,
  );
}
