import { z } from 'zod';

/** A connection as plugin-manifest.json declares it (Sigma's export format). */
export interface ManifestConnection {
  linkName: string;
  /** true: each user's own authorisation; false: one org-wide authorisation by the installing administrator. */
  userAccess: boolean;
  scopes: string[];
}

export interface ExtensionManifest {
  connections: ManifestConnection[];
  /** Modules whose record pages show the widget. */
  widgetModules: string[];
}

const manifestSchema = z.object({
  modules: z
    .object({ widgets: z.array(z.object({ modules: z.array(z.string()).default([]) })).default([]) })
    .default({ widgets: [] }),
  connections: z
    .array(z.object({ connectionLinkName: z.string().min(1), userAccess: z.boolean(), scope: z.array(z.string()) }))
    .default([]),
});

/** Reads what the harness needs from plugin-manifest.json. */
export function readManifest(json: unknown): ExtensionManifest {
  const manifest = manifestSchema.parse(json);
  return {
    connections: manifest.connections.map((c) => ({ linkName: c.connectionLinkName, userAccess: c.userAccess, scopes: c.scope })),
    widgetModules: [...new Set(manifest.modules.widgets.flatMap((widget) => widget.modules ?? []))],
  };
}
