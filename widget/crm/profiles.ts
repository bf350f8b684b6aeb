import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import type { LockPermission } from './types';
import { checkId, checkModule, crmUrl } from './crm-url';
import { firstItem, readAnswer } from './zoho-errors';

const permissionSchema = z.object({
  module: z.nullish(z.string()),
  name: z.nullish(z.string()),
  display_label: z.nullish(z.string()),
  enabled: z.boolean(),
});

const profileAnswer = z.object({
  profiles: z.array(z.object({ permissions_details: z.nullish(z.array(permissionSchema)) })),
});

/** Reading a profile's Lock permission. */
export interface PermissionCalls {
  /** Whether the profile may lock this module's records by hand. */
  getLockPermission(profileId: string, module: string): Promise<LockPermission>;
}

/**
 * Whether a profile may lock a module's records by hand. Zoho does not document the Lock
 * permission's name, so it is found by module and a name or label containing "lock"; not found
 * means "unknown", never "denied".
 */
export function profileCalls({ host, apiDomain }: CrmOptions): PermissionCalls {
  return {
    async getLockPermission(profileId, module) {
      checkModule(module);
      const url = crmUrl(apiDomain, ['settings', 'profiles', checkId(profileId)]);
      const request = { connection: 'org', method: 'GET', url } as const;
      const answer = await host.request(request);
      const profile = firstItem(readAnswer(answer.body, profileAnswer, request).profiles, request);
      const mentionsLock = (text: string | null | undefined) => text?.toLowerCase().includes('lock') ?? false;
      const permission = (profile.permissions_details ?? []).find(
        (entry) => entry.module === module && (mentionsLock(entry.name) || mentionsLock(entry.display_label)),
      );
      if (!permission) return 'unknown';
      return permission.enabled ? 'granted' : 'denied';
    },
  };
}
