/** Something fetched at most once at a time, and kept once it has arrived. */
export interface LoadOnce<T> {
  /** Starts the fetch, or joins the one under way; after a failure the next call fetches again. */
  load(): Promise<T>;
  /** What has arrived, or null: lets a caller go on in the same turn when nothing is left to wait for. */
  loaded(): T | null;
}

/**
 * For code loaded on demand (a part, a module) and for answers every later call shares.
 * @example const changes = loadOnce(() => import('./lock-changes')); await changes.load();
 */
export function loadOnce<T>(fetch: () => Promise<T>): LoadOnce<T> {
  let arrived: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load: () =>
      (loading ??= fetch().then(
        (value) => (arrived = value),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      )),
    loaded: () => arrived,
  };
}
