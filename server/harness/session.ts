/**
 * What every harness page knows of the signed-in session, read from its query: the user, the data
 * centre (`dc`), the added latency, the emulator variants (`variant`), the locale the widget is shown
 * in, and the Zoho theme (`theme`), with the signed-in user and the org as the CRM's own pages read them.
 */
import { z } from 'zod';
import type { CrmReader } from './crm-reader';
import { DEFAULT_DEPLOYMENT, deploymentNamed, type Deployment } from './deployments';
import { HARNESS_THEMES, type HarnessTheme } from './page-config';
import { variantParam } from './variant-param';

export interface DemoUser {
  email: string;
  name: string;
  profileName: string;
}

/** The Zoho locales the widget has translations for, which the page can show it in. */
export const HARNESS_LOCALES = ['en_US', 'de_DE', 'fr_FR', 'es_ES', 'ja_JP'] as const;
export type HarnessLocale = (typeof HARNESS_LOCALES)[number];

export interface Session {
  users: DemoUser[];
  user: DemoUser;
  deployment: Deployment;
  latencyMs: number | null;
  /** `&variant=`: emulator variants for the widget's connection calls (X-Emulator-Variant), or null. */
  variant: string | null;
  /** `&locale=`: the Zoho locale the SDK reports for the user instead of their own, or null. */
  locale: HarnessLocale | null;
  /** `&theme=night`: the user's Zoho theme, as `CONFIG.getUserPreference()` reports it; day by default. */
  theme: HarnessTheme;
  /** `{users:[user]}` from /users?type=CurrentUser in the user's session. */
  currentUser: unknown;
  /** `{org:[org]}` from /org, or a stand-in when the emulator offers none. */
  org: unknown;
}

/** The session and the module a page is about. */
export type SessionData = Session & { module: string };

/** What a page is read from: the CRM (unmetered), the demo users, the extension's modules, the page's query. */
export interface PageInput {
  reader: CrmReader;
  users: DemoUser[];
  modules: string[];
  query: URLSearchParams;
}

export const DEFAULT_USER = 'rep@example.com';
export const DEFAULT_MODULE = 'Deals';
/** The CRM page's own reads of records and the org run as the administrator, who sees everything. */
export const ADMIN = 'admin@example.com';

const STAND_IN_ORG = { org: [{ id: '5843104000000000001', company_name: 'Zylker Demo', zgid: '5843104000000000001' }] };

/** A query value as text, or undefined when absent, blank or absurdly long. */
export const queryText = (query: URLSearchParams, key: string): string | undefined =>
  z.string().trim().min(1).max(200).optional().catch(undefined).parse(query.get(key) ?? undefined);

const latencySchema = z.coerce.number().int().min(0).max(60_000).optional().catch(undefined);
const localeSchema = z.enum(HARNESS_LOCALES).optional().catch(undefined);
const themeSchema = z.enum(HARNESS_THEMES).catch('day');

/** The module named in the query among `modules`, else Deals, else the first. */
export function chooseModule(modules: readonly string[], query: URLSearchParams): string {
  const wanted = queryText(query, 'module');
  return modules.find((m) => m === wanted) ?? (modules.includes(DEFAULT_MODULE) ? DEFAULT_MODULE : (modules[0] ?? DEFAULT_MODULE));
}

/** Reads the session's part of a page's query, falling back to the rep, the US data centre and the day theme. */
export async function loadSession(options: Omit<PageInput, 'modules'>): Promise<Session> {
  const { reader, users, query } = options;
  const wanted = queryText(query, 'user');
  const user = users.find((u) => u.email === wanted) ?? users.find((u) => u.email === DEFAULT_USER) ?? users[0];
  if (!user) throw new Error('The emulator has no users');
  const [currentUser, org] = await Promise.all([reader.get(user.email, '/crm/v8/users?type=CurrentUser'), reader.get(ADMIN, '/crm/v8/org')]);
  return {
    users,
    user,
    deployment: deploymentNamed(query.get('dc')) ?? DEFAULT_DEPLOYMENT,
    latencyMs: latencySchema.parse(query.get('latency') ?? undefined) ?? null,
    variant: variantParam(query),
    locale: localeSchema.parse(query.get('locale') ?? undefined) ?? null,
    theme: themeSchema.parse(query.get('theme') ?? undefined),
    currentUser: currentUser.body,
    org: org.status === 200 ? org.body : STAND_IN_ORG,
  };
}
