import * as z from '../host/zod';
import { hasCode } from './crm-error';
import type { CrmOptions } from './crm-options';
import { checkId, crmUrl } from './crm-url';
import { readAnswer } from './zoho-errors';

/** A user of the org, as far as an unlock request needs to know them. */
export interface OrgUser {
  id: string;
  name: string;
  /** Zoho's `status` is "active": they can own a new task. Inactive, deleted or disabled users cannot. */
  active: boolean;
}

/** Reading who may receive an unlock request, over the org connection (`ZohoCRM.users.READ`). */
export interface UserCalls {
  /** The user, or null when Zoho knows no such user (204, or INVALID_DATA for the id). */
  getUser(id: string): Promise<OrgUser | null>;
  /** The org's active administrators, in Zoho's order: `GET /users?type=ActiveConfirmedAdmins`. */
  activeAdministrators(): Promise<OrgUser[]>;
}

const userSchema = z.object({
  id: z.string(),
  full_name: z.nullish(z.string()),
  first_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  email: z.nullish(z.string()),
  status: z.nullish(z.string()),
});
const usersAnswer = z.object({ users: z.array(userSchema) });

function toUser(user: z.infer<typeof userSchema>): OrgUser {
  const parts = [user.first_name, user.last_name].filter(Boolean).join(' ');
  // A user whose answer names no status is taken as active: Zoho's refusal of the task corrects it.
  return { id: user.id, name: user.full_name || parts || user.email || user.id, active: (user.status ?? 'active').toLowerCase() === 'active' };
}

/** @example userCalls({ host, apiDomain }).getUser('5843104000000321009') // { id, name: 'Fiona Former', active: false } */
export function userCalls({ host, apiDomain }: CrmOptions): UserCalls {
  const read = async (url: string): Promise<OrgUser[]> => {
    const request = { connection: 'org', method: 'GET', url } as const;
    const answer = await host.request(request);
    // 204: nobody of that id or type.
    if (answer.body === undefined) return [];
    return readAnswer(answer.body, usersAnswer, request).users.map(toUser);
  };
  return {
    async getUser(id) {
      try {
        const [user] = await read(crmUrl(apiDomain, ['users', checkId(id)]));
        return user ?? null;
      } catch (error) {
        if (hasCode(error, 'INVALID_DATA')) return null;
        throw error;
      }
    },
    activeAdministrators: () => read(crmUrl(apiDomain, ['users'], { type: 'ActiveConfirmedAdmins' })),
  };
}
