import { z } from 'zod';
import type { CrmReader } from './crm-reader';
import { DEFAULT_DEPLOYMENT, deploymentNamed } from './deployments';
import type { SessionData } from './harness-page';
import { HARNESS_LOCALES, type DemoUser } from './page-data';
import { variantParam } from './variant-param';

/** What the "Locked records" web tab shows and hands to its script. */
export interface TabPageData extends SessionData {
  users: DemoUser[];
  modules: string[];
}

const DEFAULT_USER = 'rep@example.com';
const DEFAULT_MODULE = 'Deals';
const ADMIN = 'admin@example.com';

const queryText = z.string().trim().min(1).max(200).optional().catch(undefined);
const latencySchema = z.coerce.number().int().min(0).max(60_000).optional().catch(undefined);
const localeSchema = z.enum(HARNESS_LOCALES).optional().catch(undefined);

/**
 * Reads the tab's query (`user`, `module`, `dc`, `latency`, `locale`, `variant`), falling back to the rep and Deals.
 * The module only places the tab in the menu (and is where "back" goes): a web tab's PageLoad
 * carries no module, so the page inside picks its own.
 */
export async function loadTabPage(options: {
  reader: CrmReader;
  users: DemoUser[];
  modules: string[];
  query: URLSearchParams;
}): Promise<TabPageData> {
  const { reader, users, modules, query } = options;
  const wanted = (key: string) => queryText.parse(query.get(key) ?? undefined);
  const user = users.find((u) => u.email === wanted('user')) ?? users.find((u) => u.email === DEFAULT_USER) ?? users[0];
  if (!user) throw new Error('The emulator has no users');
  const module = modules.find((m) => m === wanted('module')) ?? (modules.includes(DEFAULT_MODULE) ? DEFAULT_MODULE : (modules[0] ?? DEFAULT_MODULE));
  const [currentUser, org] = await Promise.all([reader.get(user.email, '/crm/v8/users?type=CurrentUser'), reader.get(ADMIN, '/crm/v8/org')]);
  return {
    users,
    user,
    modules,
    module,
    deployment: deploymentNamed(query.get('dc')) ?? DEFAULT_DEPLOYMENT,
    latencyMs: latencySchema.parse(query.get('latency') ?? undefined) ?? null,
    variant: variantParam(query),
    locale: localeSchema.parse(query.get('locale') ?? undefined) ?? null,
    currentUser: currentUser.body,
    org: org.status === 200 ? org.body : { org: [{ id: '5843104000000000001', company_name: 'Zylker Demo', zgid: '5843104000000000001' }] },
  };
}
