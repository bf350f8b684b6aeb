import { failureOf } from './failure';
import type { Failure } from './failure';

/**
 * The message for an error the page's first load meets (a start or a read that failed), from the
 * code that knows Zoho's codes, fetched only when a failure needs saying. When that code cannot be
 * fetched either, the connection is what failed.
 */
export function describeLater(error: unknown): Promise<Failure> {
  return import('./describe-failure').then(
    (code) => code.describeFailure(error),
    () => failureOf('error.connection', true),
  );
}
