/** Calls a page has in flight at once: Zoho limits concurrency per user and app, shared with other apps. */
export const MAX_IN_FLIGHT = 3;

/**
 * Runs `task` for every item with at most `limit` running at once, and resolves when all have
 * settled. Zoho counts concurrent calls per user and app, and other apps share that allowance.
 * `task` must not reject: each caller turns its own failures into data.
 * @example await inParallel(rows, 3, (row) => readLock(row))
 */
export async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
