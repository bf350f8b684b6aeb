import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../server/emulator/index';
import { demoUsers, type DemoUserKey } from './demo-users';
import { parseCurrentUser } from '../../widget/host/zoho-user';

describe('demoUsers', () => {
  it.each(Object.keys(demoUsers) as DemoUserKey[])('matches the emulator seeded %s user', async (key) => {
    const { token, user } = demoUsers[key];
    const response = await createEmulator().handle(
      new Request('http://localhost/crm/v8/users?type=CurrentUser', { headers: { Authorization: `Zoho-oauthtoken ${token}` } }),
    );
    expect(parseCurrentUser(await response.json())).toEqual(user);
  });
});
