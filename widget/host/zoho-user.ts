import * as z from './zod';
import { HostError, type CurrentUser } from './host';

const idName = z.object({ id: z.string(), name: z.string() });

const zohoUserSchema = z.object({
  id: z.string(),
  full_name: z.nullish(z.string()),
  first_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  email: z.nullish(z.string()),
  profile: idName,
  role: z.nullish(idName),
  locale: z.nullish(z.string()),
  time_zone: z.nullish(z.string()),
});

const usersAnswer = z.object({ users: z.array(zohoUserSchema) });

/**
 * The signed-in user from `CONFIG.getCurrentUser()`, which answers `{users:[user]}` or, in some SDK
 * builds, the bare user. Locale and time zone fall back to en_US and UTC.
 */
export function parseCurrentUser(answer: unknown): CurrentUser {
  const list = usersAnswer.safeParse(answer);
  const bare = zohoUserSchema.safeParse(answer);
  const user = list.success ? list.data.users[0] : bare.data;
  if (!user) throw new HostError('malformed', 'Unexpected current user answer', answer);
  const fullName = user.full_name ?? [user.first_name, user.last_name].filter(Boolean).join(' ');
  return {
    id: user.id,
    fullName: fullName || (user.email ?? ''),
    email: user.email ?? '',
    profile: user.profile,
    role: user.role ?? null,
    locale: user.locale || 'en_US',
    timeZone: user.time_zone || 'UTC',
  };
}
