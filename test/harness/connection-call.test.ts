import { describe, expect, it } from 'vitest';
import { connectionSuccess, connectionTarget } from '../../server/harness/connection-call';
import { createConnectionTokens } from '../../server/harness/connection-tokens';
import { readManifest } from '../../server/harness/manifest';

const US = 'https://www.zohoapis.com';
const LOCKS = `${US}/crm/v8/Deals/42/Locking_Information__s`;

describe('connectionTarget', () => {
  it('sends param_type 2 parameters as the JSON body with the given headers', () => {
    expect(
      connectionTarget(
        { url: LOCKS, method: 'post', param_type: 2, parameters: '{"data":[{"Locked_Reason__s":"x"}]}', headers: '{"Content-Type":"application/json"}' },
        US,
      ),
    ).toEqual({
      kind: 'crm',
      method: 'POST',
      pathAndQuery: '/crm/v8/Deals/42/Locking_Information__s',
      headers: { 'Content-Type': 'application/json' },
      body: '{"data":[{"Locked_Reason__s":"x"}]}',
    });
  });

  it('puts param_type 1 parameters in the query string and sends no body', () => {
    const target = connectionTarget({ url: `${LOCKS}?a=1`, param_type: 1, parameters: '{"fields":"Locked_For__s"}' }, US);
    expect(target).toMatchObject({ kind: 'crm', method: 'GET', pathAndQuery: '/crm/v8/Deals/42/Locking_Information__s?a=1&fields=Locked_For__s', body: null });
  });

  it('does not let the widget set the Authorization header', () => {
    const target = connectionTarget({ url: LOCKS, headers: '{"Authorization":"Zoho-oauthtoken stolen","X-Trace":"1"}' }, US);
    expect(target).toMatchObject({ kind: 'crm', headers: { 'X-Trace': '1' } });
  });

  it.each([
    ['the org’s domain', `${US}/crm/v8/Deals`, US, 'crm'],
    ['another data centre’s domain', 'https://www.zohoapis.eu/crm/v8/Deals', US, 'other-data-centre'],
    ['the EU domain for an EU org', 'https://www.zohoapis.eu/crm/v8/Deals', 'https://www.zohoapis.eu', 'crm'],
    ['a domain that is not Zoho’s', 'https://api.example.com/crm/v8/Deals', US, 'invalid'],
    ['a Zoho domain outside /crm/', `${US}/books/v3/invoices`, US, 'invalid'],
    ['a relative URL', '/crm/v8/Deals', US, 'invalid'],
  ])('classifies a URL on %s', (_case, url, apiDomain, kind) => {
    expect(connectionTarget({ url }, apiDomain).kind).toBe(kind);
  });

  it('refuses parameters that are not JSON', () => {
    expect(connectionTarget({ url: LOCKS, param_type: 2, parameters: '{oops' }, US).kind).toBe('invalid');
  });
});

describe('connectionSuccess', () => {
  it.each([
    ['a JSON body, parsed', '{"data":[{"id":"1"}]}', { data: [{ id: '1' }] }],
    ['a text body, as text', 'Service Unavailable', 'Service Unavailable'],
    ['an empty body (204), as ""', '', ''],
  ])('wraps %s in Zoho’s connection envelope', (_case, body, statusMessage) => {
    expect(connectionSuccess(body)).toEqual({
      code: 'SUCCESS',
      details: { statusMessage },
      message: 'Connection invoked successfully',
      status: 'success',
    });
  });
});

describe('connection tokens', () => {
  const manifest = {
    connections: [
      { connectionLinkName: 'recordlock_user', userAccess: true, scope: ['ZohoCRM.modules.lockinginformation.ALL'] },
      { connectionLinkName: 'recordlock_org', userAccess: false, scope: ['ZohoCRM.settings.profiles.READ'] },
    ],
  };

  function setup() {
    const issued: { email: string; scopes: string[] }[] = [];
    const tokens = createConnectionTokens({
      connections: readManifest(manifest).connections,
      installingAdmin: 'admin@example.com',
      issueToken: (email, scopes) => {
        issued.push({ email, scopes });
        return `token-${issued.length}`;
      },
    });
    return { tokens, issued };
  }

  it.each([
    ['a per-user connection as the signed-in user', 'recordlock_user', 'rep@example.com', ['ZohoCRM.modules.lockinginformation.ALL']],
    ['an org connection as the installing administrator', 'recordlock_org', 'admin@example.com', ['ZohoCRM.settings.profiles.READ']],
  ])('issues %s with exactly the manifest’s scopes', (_case, connection, email, scopes) => {
    const { tokens, issued } = setup();
    tokens.tokenFor(connection, 'rep@example.com');
    expect(issued).toEqual([{ email, scopes }]);
  });

  it('knows no token for a connection the manifest does not declare', () => {
    expect(setup().tokens.tokenFor('recordlock', 'rep@example.com')).toBeNull();
  });

  it('reuses a token for the same connection and actor', () => {
    const { tokens, issued } = setup();
    const first = tokens.tokenFor('recordlock_org', 'rep@example.com');
    expect(tokens.tokenFor('recordlock_org', 'manager@example.com')).toBe(first);
    expect(issued).toHaveLength(1);
  });

  it('reads the repository’s manifest', async () => {
    const { default: repositoryManifest } = await import('../../plugin-manifest.json');
    expect(readManifest(repositoryManifest).connections.map((c) => [c.linkName, c.userAccess])).toEqual([
      ['recordlock_user', true],
      ['recordlock_org', false],
    ]);
  });
});
