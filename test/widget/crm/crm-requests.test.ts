import { describe, expect, it } from 'vitest';
import { createCrm, type Crm } from '../../support/all-calls';
import { apiDomain, fixtureHost } from './fixture-host';

const deal = { module: 'Deals', recordId: '5843104000000410005' };
const lockId = '5843104000000420003';
const base = `${apiDomain}/crm/v8/Deals/5843104000000410005/Locking_Information__s`;
const changed = (message: string) => ({ data: [{ code: 'SUCCESS', details: { id: lockId }, message, status: 'success' }] });

describe('Crm lock calls', () => {
  it('reads the lock asking for the fields it shows, through the user connection', async () => {
    const { host, requests } = fixtureHost(undefined);
    await createCrm({ host, apiDomain }).getLock(deal);
    expect(requests).toEqual([
      {
        connection: 'user',
        method: 'GET',
        url: `${base}?fields=Locked_Reason__s,Lock_Source__s,Locked_Time__s,Locked_By__s,Record_Locking_Rule_Id__s`,
      },
    ]);
  });

  it('reads "not locked" from an empty answer (204)', async () => {
    const { host } = fixtureHost(undefined);
    await expect(createCrm({ host, apiDomain }).getLock(deal)).resolves.toBeNull();
  });

  it('maps an automatic lock, with its rule and no person', async () => {
    const { host } = fixtureHost({
      data: [
        {
          Locked_For__s: { module: { api_name: 'Deals', id: '1' }, name: 'Initech platform deal', id: deal.recordId },
          Locked_Reason__s: null,
          Lock_Source__s: 'Automatic',
          Locked_Time__s: '2026-01-05T09:00:00-05:00',
          Locked_By__s: null,
          Record_Locking_Rule_Id__s: '5843104000000412111',
          Record_Locking_Configuration_Id__s: '5843104000000412101',
          Feature_Type__s: 'record_locking',
          $editable: false,
          $sharing_permission: 'read_only',
          id: '5843104000000420001',
        },
      ],
      info: { per_page: 200, count: 1, page: 1, more_records: false },
    });
    await expect(createCrm({ host, apiDomain }).getLock(deal)).resolves.toEqual({
      id: '5843104000000420001',
      reason: null,
      source: 'Automatic',
      lockedAt: '2026-01-05T09:00:00-05:00',
      lockedBy: null,
      ruleId: '5843104000000412111',
      editable: false,
    });
  });

  it('locks with the reason as the JSON body and builds the lock from the answer', async () => {
    const { host, requests } = fixtureHost({
      data: [
        {
          code: 'SUCCESS',
          details: {
            id: '5843104000000900001',
            Created_Time: '2026-02-01T10:00:00-05:00',
            Modified_Time: '2026-02-01T10:00:00-05:00',
            Created_By: { name: 'Rita Rep', id: '5843104000000321005' },
            Modified_By: { name: 'Rita Rep', id: '5843104000000321005' },
          },
          message: 'record added',
          status: 'success',
        },
      ],
    });
    const created = await createCrm({ host, apiDomain }).lock(deal, 'Legal review');
    expect(requests).toEqual([{ connection: 'user', method: 'POST', url: base, body: { data: [{ Locked_Reason__s: 'Legal review' }] } }]);
    expect(created.id).toBe('5843104000000900001');
    expect(created.lock).toEqual({
      id: '5843104000000900001',
      reason: 'Legal review',
      source: 'Manual',
      lockedAt: '2026-02-01T10:00:00-05:00',
      lockedBy: { name: 'Rita Rep', id: '5843104000000321005' },
      ruleId: null,
      editable: null,
    });
  });

  it('replaces the reason with PUT on the lock', async () => {
    const { host, requests } = fixtureHost(changed('relation updated'));
    await createCrm({ host, apiDomain }).updateReason(deal, lockId, 'New reason');
    expect(requests).toEqual([
      { connection: 'user', method: 'PUT', url: `${base}/${lockId}`, body: { data: [{ Locked_Reason__s: 'New reason' }] } },
    ]);
  });

  it('unlocks with DELETE on the lock', async () => {
    const { host, requests } = fixtureHost(changed('relation removed'));
    await createCrm({ host, apiDomain }).unlock(deal, lockId);
    expect(requests).toEqual([{ connection: 'user', method: 'DELETE', url: `${base}/${lockId}` }]);
  });

  it.each<[string, (crm: Crm) => Promise<unknown>]>([
    ['a module that climbs the path', (crm) => crm.getLock({ module: 'Deals/../settings', recordId: '1' })],
    ['a record id that is not digits', (crm) => crm.lock({ module: 'Deals', recordId: '1 OR 1' }, 'x')],
    ['a lock id that climbs the path', (crm) => crm.unlock(deal, '../1')],
    ['a lock id too long for Zoho', (crm) => crm.updateReason(deal, '1'.repeat(20), 'x')],
    ['a profile id that is not digits', (crm) => crm.getLockPermission('abc', 'Deals')],
    ['a module carrying a query', (crm) => crm.getLockingConfiguration('Deals&module=Leads')],
    ['a record of an odd module', (crm) => crm.getRecord({ module: 'Deals?x', recordId: '1' })],
  ])('refuses %s with a plain Error before sending anything', async (_case, call) => {
    const { host, requests } = fixtureHost();
    const failure = call(createCrm({ host, apiDomain }));
    await expect(failure).rejects.toThrow(Error);
    await expect(failure).rejects.not.toHaveProperty('code');
    await expect(failure).rejects.not.toHaveProperty('kind');
    expect(requests).toEqual([]);
  });
});

describe('Crm getLockingConfiguration', () => {
  const configuration = (overrides: Record<string, unknown> = {}) => ({
    record_locking_configurations: [
      {
        id: '5843104000000412101',
        lock_type: 'both',
        locked_for: 'all_profiles_except_excluded_profiles',
        lock_excluded_profiles: [{ name: 'Administrator', id: '5843104000000026011' }],
        excluded_fields: [{ api_name: 'Description', id: '5843104000000002001' }],
        restricted_actions: ['update', 'delete'],
        restricted_communications: ['send_mail'],
        restricted_custom_buttons: [{ name: 'Send to legal', id: '5843104000000460001' }],
        lock_for_portal_users: true,
        locking_rules: [{ id: '5843104000000412111', name: 'Closed Won deals', lock_existing_records: true, criteria: {} }],
        feature_type: 'record_locking',
        system_defined: false,
        ...overrides,
      },
    ],
  });

  it('reads the module configuration through the org connection', async () => {
    const { host, requests } = fixtureHost(configuration());
    const result = await createCrm({ host, apiDomain }).getLockingConfiguration('Deals');
    expect(requests).toEqual([
      { connection: 'org', method: 'GET', url: `${apiDomain}/crm/v8/settings/record_locking_configurations?module=Deals` },
    ]);
    expect(result).toEqual({
      id: '5843104000000412101',
      lockType: 'both',
      lockedFor: 'all_profiles_except_excluded_profiles',
      excludedProfiles: [{ id: '5843104000000026011', name: 'Administrator' }],
      excludedFields: [{ apiName: 'Description', id: '5843104000000002001' }],
      restrictedActions: ['update', 'delete'],
      restrictedCommunications: ['send_mail'],
      restrictedCustomButtons: [{ id: '5843104000000460001', name: 'Send to legal' }],
      rules: [{ id: '5843104000000412111', name: 'Closed Won deals' }],
    });
  });

  it.each([
    ['all_profiles', 'all_profiles'],
    ['all_profiles_except_excluded_profiles', 'all_profiles_except_excluded_profiles'],
    ['all_profiles_except_excluded_profile', 'all_profiles_except_excluded_profiles'],
    [null, 'all_profiles'],
  ])('reads locked_for %s as %s', async (lockedFor, expected) => {
    const { host } = fixtureHost(configuration({ locked_for: lockedFor }));
    await expect(createCrm({ host, apiDomain }).getLockingConfiguration('Deals')).resolves.toMatchObject({ lockedFor: expected });
  });

  it('always counts updates among the restricted actions and drops unknown ones', async () => {
    const { host } = fixtureHost(configuration({ restricted_actions: ['delete', 'teleport'] }));
    await expect(createCrm({ host, apiDomain }).getLockingConfiguration('Deals')).resolves.toMatchObject({
      restrictedActions: ['update', 'delete'],
    });
  });

  it('reads absent lists as empty', async () => {
    const { host } = fixtureHost(
      configuration({ lock_type: 'manual', restricted_communications: null, restricted_custom_buttons: null, locking_rules: null, lock_excluded_profiles: [] }),
    );
    await expect(createCrm({ host, apiDomain }).getLockingConfiguration('Deals')).resolves.toMatchObject({
      lockType: 'manual',
      excludedProfiles: [],
      restrictedCommunications: [],
      restrictedCustomButtons: [],
      rules: [],
    });
  });

  it('reads "none configured" from an empty answer (204)', async () => {
    const { host } = fixtureHost(undefined);
    await expect(createCrm({ host, apiDomain }).getLockingConfiguration('Contacts')).resolves.toBeNull();
  });
});

describe('Crm getLockPermission', () => {
  const profile = (permissions: unknown[]) => ({
    profiles: [{ id: '5843104000000026015', name: 'Sales Rep', permissions_details: permissions }],
  });
  const entry = (name: string, display_label: string, module: string | null, enabled: boolean) => ({
    id: '1',
    name,
    display_label,
    module,
    enabled,
  });

  it('reads the profile through the org connection', async () => {
    const { host, requests } = fixtureHost(profile([]));
    await createCrm({ host, apiDomain }).getLockPermission('5843104000000026015', 'Deals');
    expect(requests).toEqual([{ connection: 'org', method: 'GET', url: `${apiDomain}/crm/v8/settings/profiles/5843104000000026015` }]);
  });

  it.each([
    ['granted', [entry('Crm_Implied_View_Deals', 'View', 'Deals', true), entry('Crm_Implied_Lock_Deals', 'Lock', 'Deals', true)]],
    ['denied', [entry('Crm_Implied_Lock_Deals', 'Lock', 'Deals', false)]],
    ['granted', [entry('Crm_Implied_Tools_Deals', 'Lock records', 'Deals', true)]],
    ['denied', [entry('CRM_IMPLIED_LOCK_DEALS', 'Tools', 'Deals', false)]],
    ['unknown', [entry('Crm_Implied_Lock_Leads', 'Lock', 'Leads', true)]],
    ['unknown', [entry('Crm_Implied_Edit_Deals', 'Edit', 'Deals', true), entry('Crm_Implied_Customize_Zoho_CRM', 'Customize', null, true)]],
    ['unknown', []],
  ])('answers %s for %j', async (expected, permissions) => {
    const { host } = fixtureHost(profile(permissions));
    await expect(createCrm({ host, apiDomain }).getLockPermission('5843104000000026015', 'Deals')).resolves.toBe(expected);
  });
});

describe('Crm getReasonMaxLength', () => {
  const fields = (list: unknown[]) => ({ fields: list });

  it('reads the field metadata of Locking_Information__s through the org connection', async () => {
    const { host, requests } = fixtureHost(fields([{ api_name: 'Locked_Reason__s', length: 3000 }]));
    await expect(createCrm({ host, apiDomain }).getReasonMaxLength()).resolves.toBe(3000);
    expect(requests).toEqual([
      { connection: 'org', method: 'GET', url: `${apiDomain}/crm/v8/settings/fields?module=Locking_Information__s` },
    ]);
  });

  it.each([
    ['no reason field', fields([{ api_name: 'Lock_Source__s', length: 120 }])],
    ['no length', fields([{ api_name: 'Locked_Reason__s' }])],
    ['a zero length', fields([{ api_name: 'Locked_Reason__s', length: 0 }])],
    ['an empty answer', undefined],
  ])('says it does not know, so the page keeps its safe length, with %s', async (_case, answer) => {
    const { host } = fixtureHost(answer);
    await expect(createCrm({ host, apiDomain }).getReasonMaxLength()).resolves.toBeNull();
  });
});

describe('Crm getRecord', () => {
  const record = (fields: Record<string, unknown>) => ({
    data: [{ id: deal.recordId, $approval_state: 'approved', $zia_visions: null, ...fields }],
  });

  it('reads the record through the user connection', async () => {
    const { host, requests } = fixtureHost(record({ Deal_Name: 'Hooli' }));
    await createCrm({ host, apiDomain }).getRecord(deal);
    expect(requests).toEqual([{ connection: 'user', method: 'GET', url: `${apiDomain}/crm/v8/Deals/${deal.recordId}` }]);
  });

  it.each([
    ['approved', 'none'],
    ['approval_process_pending', 'awaiting_approval'],
    ['approval_process_rejected', 'approval_rejected'],
  ])('reads $approval_state %s as hold %s', async (state, hold) => {
    const { host } = fixtureHost(record({ Deal_Name: 'Soylent', $approval_state: state }));
    await expect(createCrm({ host, apiDomain }).getRecord(deal)).resolves.toMatchObject({ hold });
  });

  it('reads RECORD_LOCKED for Zia image processing as a hold, not a failure', async () => {
    const { host } = fixtureHost({
      code: 'RECORD_LOCKED',
      details: { id: deal.recordId, action: 'zia_vision_processing' },
      message: 'Cannot update record that is not approved yet',
      status: 'error',
    });
    await expect(createCrm({ host, apiDomain }).getRecord(deal)).resolves.toEqual({ id: deal.recordId, hold: 'zia_vision_processing' });
  });

  it('reports a record that no longer exists (204) as INVALID_DATA', async () => {
    const { host } = fixtureHost(undefined);
    await expect(createCrm({ host, apiDomain }).getRecord(deal)).rejects.toMatchObject({ name: 'CrmError', code: 'INVALID_DATA' });
  });
});
