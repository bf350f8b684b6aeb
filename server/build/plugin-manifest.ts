import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** Link names the widget passes to ZOHO.CRM.CONNECTION.invoke; Zoho never lets them change. */
export const USER_CONNECTION = 'recordlock_user';
export const ORG_CONNECTION = 'recordlock_org';

/** A connection as Zoho's extension console exports it. */
const connectionSchema = z.object({
  connectionLinkName: z.string().regex(/^[a-z0-9_]+$/),
  connectionName: z.string().min(1).max(50),
  serviceName: z.string().min(1),
  userAccess: z.boolean(),
  isUserDefinedService: z.boolean(),
  // ZohoSearch.securesearch.READ: Zoho's search API needs it beside the module's READ scope.
  scope: z.array(z.string().regex(/^(ZohoCRM\.[A-Za-z_.]+|ZohoSearch\.securesearch)\.(READ|CREATE|UPDATE|DELETE|ALL)$/)).min(1),
});

/**
 * The lock calls' own scope as Zoho's API docs pages name it and as its OpenAPI files name it
 * (`oas-lock-scopes`): the per-user connection asks for both, so the calls work under either reading.
 */
export const LOCK_SCOPES = ['ZohoCRM.modules.lockinginformation', 'ZohoCRM.settings.modules'].flatMap((reading) =>
  ['READ', 'CREATE', 'UPDATE', 'DELETE'].map((operation) => `${reading}.${operation}`),
);

const widgetSchema = z.object({
  name: z.string().min(1),
  type: z.string().min(1),
  location: z.string().min(1),
  url: z.string().startsWith('/app/'),
  /** The record pages it sits on; a web tab has a tab of its own and names none. */
  modules: z.array(z.string().min(1)).min(1).optional(),
});

export const pluginManifestSchema = z
  .object({
    service: z.literal('CRM'),
    name: z.string().regex(/^[A-Za-z0-9_]+$/),
    displayName: z.string().min(1),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    modules: z.object({ widgets: z.array(widgetSchema).min(1) }),
    connections: z.array(connectionSchema),
  })
  .superRefine((manifest, context) => {
    const byName = new Map(manifest.connections.map((connection) => [connection.connectionLinkName, connection]));
    const user = byName.get(USER_CONNECTION);
    const org = byName.get(ORG_CONNECTION);
    if (!user?.userAccess) context.addIssue({ code: 'custom', message: `${USER_CONNECTION} must exist and use each user's own credentials` });
    if (!org || org.userAccess) context.addIssue({ code: 'custom', message: `${ORG_CONNECTION} must exist and be authorised once for the organisation` });
    const missing = LOCK_SCOPES.filter((scope) => !user?.scope.includes(scope));
    if (missing.length > 0) context.addIssue({ code: 'custom', message: `${USER_CONNECTION} must ask for both readings of the lock scopes, not without ${missing.join(', ')}` });
    const writable = org?.scope.filter((scope) => !scope.endsWith('.READ')) ?? [];
    if (writable.length > 0) context.addIssue({ code: 'custom', message: `${ORG_CONNECTION} must be read-only, not ${writable.join(', ')}` });
  });

export type PluginManifest = z.infer<typeof pluginManifestSchema>;

/** Reads and checks plugin-manifest.json; throws with every problem listed. */
export async function readPluginManifest(path: string): Promise<PluginManifest> {
  const parsed = pluginManifestSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a valid manifest:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
