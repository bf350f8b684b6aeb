import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { checkModule, crmUrl } from './crm-url';
import type { LockingConfiguration, RestrictedAction } from './types';
import { idName, readAnswer } from './zoho-errors';

const listOf = <T extends z.core.SomeType>(item: T) => z.nullish(z.array(item));
const restrictedActions: readonly RestrictedAction[] = ['update', 'delete', 'tags', 'change_owner', 'convert'];

const configurationSchema = z.object({
  id: z.string(),
  lock_type: z.enum(['manual', 'automatic', 'both']),
  // Zoho's GET docs spell the "except" value in the singular, its writes and OAS in the plural.
  locked_for: z.nullish(
    z.enum(['all_profiles', 'all_profiles_except_excluded_profiles', 'all_profiles_except_excluded_profile']),
  ),
  lock_excluded_profiles: listOf(idName),
  excluded_fields: listOf(z.object({ api_name: z.string(), id: z.nullish(z.string()) })),
  restricted_actions: listOf(z.string()),
  restricted_communications: listOf(z.string()),
  restricted_custom_buttons: listOf(idName),
  locking_rules: listOf(idName),
});

const configurationAnswer = z.object({ record_locking_configurations: z.array(configurationSchema) });

/** Reading a module's record-locking configuration. */
export interface ConfigurationCalls {
  /** The module's configuration, or null when none is configured (Zoho's 204). */
  getLockingConfiguration(module: string): Promise<LockingConfiguration | null>;
}

/** The module's record-locking configuration, read over the org connection (it needs Customize rights). */
export function configurationCalls({ host, apiDomain }: CrmOptions): ConfigurationCalls {
  return {
    async getLockingConfiguration(module) {
      const url = crmUrl(apiDomain, ['settings', 'record_locking_configurations'], { module: checkModule(module) });
      const request = { connection: 'org', method: 'GET', url } as const;
      const answer = await host.request(request);
      // 204 (nothing configured) reaches us as an undefined body.
      if (answer.body === undefined) return null;
      const parsed = readAnswer(answer.body, configurationAnswer, request);
      const configuration = parsed.record_locking_configurations[0];
      return configuration ? toConfiguration(configuration) : null;
    },
  };
}

function toConfiguration(raw: z.infer<typeof configurationSchema>): LockingConfiguration {
  const actions = (raw.restricted_actions ?? []).filter((action): action is RestrictedAction =>
    restrictedActions.includes(action as RestrictedAction),
  );
  return {
    id: raw.id,
    lockType: raw.lock_type,
    lockedFor: raw.locked_for?.startsWith('all_profiles_except') ? 'all_profiles_except_excluded_profiles' : 'all_profiles',
    // zod objects drop keys they do not name, so these lists hold only id and name.
    excludedProfiles: raw.lock_excluded_profiles ?? [],
    excludedFields: (raw.excluded_fields ?? []).map(({ api_name, id }) => ({ apiName: api_name, id: id ?? null })),
    // Zoho always restricts updates, even when the configuration omits it.
    restrictedActions: actions.includes('update') ? actions : ['update', ...actions],
    restrictedCommunications: raw.restricted_communications ?? [],
    restrictedCustomButtons: raw.restricted_custom_buttons ?? [],
    rules: raw.locking_rules ?? [],
  };
}
