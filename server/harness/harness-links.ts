/**
 * Addresses of the harness pages for the same signed-in session: the page's own parameters first
 * (user, module, record, page), then what every page carries along (`dc`, `latency`, `variant`,
 * `locale`, and `theme` when it is night).
 */
import type { HarnessTheme } from './page-config';

export type HarnessPath = '/' | '/tab' | '/list';

/** What a link keeps of the session; `locale` is the one `&locale=` named, null for the user's own. */
export interface LinkSession {
  user: { email: string };
  deployment: string;
  latencyMs: number | null;
  /** `&variant=`: the emulator variants the page's widget meets, or null. */
  variant: string | null;
  locale: string | null;
  theme: HarnessTheme;
}

/** @example harnessHref('/list', session, { module: 'Deals' }) === '/list?user=rep%40example.com&module=Deals' */
export function harnessHref(path: HarnessPath, session: LinkSession, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ user: session.user.email, ...params });
  if (session.deployment !== 'US') query.set('dc', session.deployment.toLowerCase());
  if (session.latencyMs !== null) query.set('latency', String(session.latencyMs));
  if (session.variant !== null) query.set('variant', session.variant);
  if (session.locale !== null) query.set('locale', session.locale);
  if (session.theme !== 'day') query.set('theme', session.theme);
  return `${path}?${query}`;
}
