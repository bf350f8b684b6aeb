import { HostError } from '../host/host';
import { loadOnce } from '../load-once';

/**
 * Calls whose code is fetched the first time they are wanted (`import()` of their module), then
 * kept. Code that could not be fetched is a connection failure: the call never reached Zoho, and
 * the next attempt fetches again.
 * @example const settings = onDemandCalls(() => import('./settings-calls').then((m) => m.settingsCalls(options)));
 */
export function onDemandCalls<Calls>(load: () => Promise<Calls>): () => Promise<Calls> {
  return loadOnce(() => load().catch((error: unknown) => Promise.reject(new HostError('connection', 'The code of these calls could not be loaded', error)))).load;
}
