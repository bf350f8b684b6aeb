import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pluginManifestSchema, readPluginManifest } from '../../server/build/plugin-manifest';

const manifestPath = fileURLToPath(new URL('../../plugin-manifest.json', import.meta.url));

interface Connection {
  connectionLinkName: string;
  userAccess: boolean;
  scope: string[];
}

async function manifestWith(linkName: string, change: (connection: Connection) => void): Promise<unknown> {
  const manifest: { connections: Connection[] } = JSON.parse(await readFile(manifestPath, 'utf8'));
  const connection = manifest.connections.find((candidate) => candidate.connectionLinkName === linkName);
  if (!connection) throw new Error(`the manifest has no ${linkName}`);
  change(connection);
  return manifest;
}

describe('pluginManifestSchema', () => {
  it('accepts the repository manifest', async () => {
    await expect(readPluginManifest(manifestPath)).resolves.toMatchObject({ service: 'CRM' });
  });

  it.each([
    {
      what: 'an organisation connection that can write',
      linkName: 'recordlock_org',
      change: (connection: Connection) => connection.scope.push('ZohoCRM.settings.profiles.UPDATE'),
      message: 'read-only',
    },
    {
      what: 'an organisation connection that each user must authorise',
      linkName: 'recordlock_org',
      change: (connection: Connection) => (connection.userAccess = true),
      message: 'recordlock_org must exist',
    },
    {
      what: 'a per-user connection that runs as the administrator',
      linkName: 'recordlock_user',
      change: (connection: Connection) => (connection.userAccess = false),
      message: 'recordlock_user must exist',
    },
    {
      what: 'a renamed link name',
      linkName: 'recordlock_user',
      change: (connection: Connection) => (connection.connectionLinkName = 'recordlock'),
      message: 'recordlock_user must exist',
    },
    {
      what: 'a per-user connection without the OpenAPI files’ reading of a lock scope',
      linkName: 'recordlock_user',
      change: (connection: Connection) => (connection.scope = connection.scope.filter((scope) => scope !== 'ZohoCRM.settings.modules.DELETE')),
      message: 'not without ZohoCRM.settings.modules.DELETE',
    },
    {
      what: 'a per-user connection without the docs pages’ reading of a lock scope',
      linkName: 'recordlock_user',
      change: (connection: Connection) => (connection.scope = connection.scope.filter((scope) => scope !== 'ZohoCRM.modules.lockinginformation.READ')),
      message: 'not without ZohoCRM.modules.lockinginformation.READ',
    },
    {
      what: 'a scope that is not a Zoho CRM scope',
      linkName: 'recordlock_user',
      change: (connection: Connection) => connection.scope.push('ZohoCRM.modules.deals.WRITE'),
      message: 'scope',
    },
  ])('refuses $what', async ({ linkName, change, message }) => {
    const candidate = await manifestWith(linkName, change);
    const parsed = pluginManifestSchema.safeParse(candidate);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });
});
