import { z } from 'zod';
import type { CrmReader } from './crm-reader';
import { DEFAULT_DEPLOYMENT, deploymentNamed, type Deployment } from './deployments';
import { fieldLabel, nameFieldsOf, recordName } from './record-names';
import { variantParam } from './variant-param';

export interface DemoUser {
  email: string;
  name: string;
  profileName: string;
}

export interface RecordChoice {
  id: string;
  name: string;
  locked: boolean;
  open: boolean;
}

/** Everything the harness page shows and hands to its script. */
export interface HarnessPageData {
  users: DemoUser[];
  user: DemoUser;
  modules: string[];
  module: string;
  records: RecordChoice[];
  record: { id: string; name: string; fields: { label: string; value: string }[] } | null;
  deployment: Deployment;
  latencyMs: number | null;
  /** `&variant=`: emulator variants for the widget's connection calls (X-Emulator-Variant), or null. */
  variant: string | null;
  /** `{users:[user]}` from /users?type=CurrentUser in the user's session. */
  currentUser: unknown;
  /** `{org:[org]}` from /org, or a stand-in when the emulator offers none. */
  org: unknown;
  /** `&locale=`: the Zoho locale the SDK reports for the user instead of their own, or null. */
  locale: HarnessLocale | null;
}

/** The Zoho locales the widget has translations for, which the page can show it in. */
export const HARNESS_LOCALES = ['en_US', 'de_DE', 'fr_FR', 'es_ES', 'ja_JP'] as const;
export type HarnessLocale = (typeof HARNESS_LOCALES)[number];

const DEFAULT_USER = 'rep@example.com';
const DEFAULT_MODULE = 'Deals';
const ADMIN = 'admin@example.com';
const SHOWN_FIELDS = 8;

const queryText = z.string().trim().min(1).max(200).optional().catch(undefined);
const localeSchema = z.enum(HARNESS_LOCALES).optional().catch(undefined);
const latencySchema = z.coerce.number().int().min(0).max(60_000).optional().catch(undefined);
const listSchema = z.object({ data: z.array(z.looseObject({ id: z.string() })) });

/** Zoho marks records closed by stage or status names like these. */
function isOpen(record: Record<string, unknown>): boolean {
  const state = record.Stage ?? record.Status;
  return !(typeof state === 'string' && /^closed|completed|cancel/i.test(state));
}

function shownValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object' && !Array.isArray(value) && 'name' in value) return String((value as { name: unknown }).name);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return null;
}

/**
 * Reads the page's query (`user`, `module`, `record`, `dc`, `latency`, `locale`, `variant`) and what the emulator holds,
 * falling back to the rep, Deals and the first open unlocked record when a choice is missing or unknown.
 */
export async function loadHarnessPage(options: {
  reader: CrmReader;
  users: DemoUser[];
  modules: string[];
  query: URLSearchParams;
}): Promise<HarnessPageData> {
  const { reader, users, query } = options;
  const wanted = (key: string) => queryText.parse(query.get(key) ?? undefined);
  const user = users.find((u) => u.email === wanted('user')) ?? users.find((u) => u.email === DEFAULT_USER) ?? users[0];
  if (!user) throw new Error('The emulator has no users');

  const listed = await Promise.all(
    options.modules.map(async (module) => {
      const fields = [...nameFieldsOf(module), 'Locked__s', 'Stage', 'Status'].join(',');
      const answer = await reader.get(ADMIN, `/crm/v8/${module}?fields=${fields}&per_page=200`);
      const list = listSchema.safeParse(answer.body);
      const records = list.success ? list.data.data : [];
      return { module, records };
    }),
  );
  const withRecords = listed.filter((entry) => entry.records.length > 0);
  const chosenModule =
    withRecords.find((entry) => entry.module === wanted('module')) ??
    withRecords.find((entry) => entry.module === DEFAULT_MODULE) ??
    withRecords[0];
  const module = chosenModule?.module ?? wanted('module') ?? DEFAULT_MODULE;
  const toChoice = (record: z.infer<typeof listSchema>['data'][number]): RecordChoice => ({
    id: record.id,
    name: recordName(module, record),
    locked: record.Locked__s === true,
    open: isOpen(record),
  });
  const records: RecordChoice[] = (chosenModule?.records ?? []).map(toChoice);
  // The switch lists a module's first 200 records; a record opened past them (a large org, a web
  // tab's Record.open) is read on its own and joins the list.
  const asked = wanted('record');
  if (chosenModule && asked !== undefined && /^\d+$/.test(asked) && !records.some((r) => r.id === asked)) {
    const single = listSchema.safeParse((await reader.get(ADMIN, `/crm/v8/${module}/${asked}`)).body);
    const found = single.success ? single.data.data[0] : undefined;
    if (found) records.unshift(toChoice(found));
  }
  const recordId =
    records.find((r) => r.id === wanted('record'))?.id ?? records.find((r) => r.open && !r.locked)?.id ?? records[0]?.id ?? null;

  const [detail, currentUser, org] = await Promise.all([
    recordId === null ? null : reader.get(ADMIN, `/crm/v8/${module}/${recordId}`),
    reader.get(user.email, '/crm/v8/users?type=CurrentUser'),
    reader.get(ADMIN, '/crm/v8/org'),
  ]);
  const detailRecord = listSchema.safeParse(detail?.body).data?.data[0];

  return {
    users,
    user,
    modules: withRecords.map((entry) => entry.module),
    module,
    records,
    record:
      recordId === null || !detailRecord
        ? null
        : {
            id: recordId,
            name: recordName(module, detailRecord),
            fields: Object.entries(detailRecord)
              .filter(([key]) => key !== 'id' && !key.startsWith('$'))
              .flatMap(([key, value]) => {
                const shown = shownValue(value);
                return shown === null ? [] : [{ label: fieldLabel(key), value: shown }];
              })
              .slice(0, SHOWN_FIELDS),
          },
    deployment: deploymentNamed(query.get('dc')) ?? DEFAULT_DEPLOYMENT,
    latencyMs: latencySchema.parse(query.get('latency') ?? undefined) ?? null,
    variant: variantParam(query),
    locale: localeSchema.parse(query.get('locale') ?? undefined) ?? null,
    currentUser: currentUser.body,
    org: org.status === 200 ? org.body : { org: [{ id: '5843104000000000001', company_name: 'Zylker Demo', zgid: '5843104000000000001' }] },
  };
}
