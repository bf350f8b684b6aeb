import { z } from 'zod';
import type { Page } from 'playwright-core';

/** One API call the widget made through a connection, as the harness page logs it. */
export const harnessCallSchema = z.object({
  connection: z.string(),
  method: z.string(),
  path: z.string(),
  /** null when the call was dropped */
  status: z.number().nullable(),
  durationMs: z.number(),
  at: z.string(),
});

export type HarnessCall = z.infer<typeof harnessCallSchema>;

/** Faults `window.__harness.failNext` accepts; `no-answer` leaves the widget's call unanswered. */
export type HarnessFault = 'error' | 'drop' | 'drop-after' | 'no-answer';

/** The harness page's call log, parsed: it comes from the browser, so it is checked like any outside input. */
export async function harnessCalls(page: Page): Promise<HarnessCall[]> {
  const raw: unknown = await page.evaluate(() => (window as unknown as { __harness: { calls: unknown } }).__harness.calls);
  return z.array(harnessCallSchema).parse(raw);
}

/** Makes the widget's next connection call fail in the given way. */
export async function failNextCall(page: Page, fault: HarnessFault): Promise<void> {
  await page.evaluate((f) => (window as unknown as { __harness: { failNext(fault: string): void } }).__harness.failNext(f), fault);
}
