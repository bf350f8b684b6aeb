import { describe, expect, it } from 'vitest';
import type { ZohoCall } from '../../../widget/crm/crm-error';
import { scopeAdvice } from '../../../widget/crm/scope-advice';

const call = (connection: ZohoCall['connection'], method: string, path: string): ZohoCall => ({ connection, method, path: `/crm/v8${path}` });

describe('scopeAdvice', () => {
  it.each([
    ['GET', 'READ'],
    ['POST', 'CREATE'],
    ['PUT', 'UPDATE'],
    ['DELETE', 'DELETE'],
  ])('names both readings of the lock scope and the module scope of %s on a lock', (method, operation) => {
    expect(scopeAdvice(call('user', method, '/Price_Books/{id}/Locking_Information__s/{id}'))).toEqual({
      connection: 'recordlock_user',
      scopes: [`ZohoCRM.modules.pricebooks.${operation}`],
      lockScope: { docs: `ZohoCRM.modules.lockinginformation.${operation}`, oas: `ZohoCRM.settings.modules.${operation}` },
    });
  });

  it.each<[ZohoCall, string, string[]]>([
    [call('user', 'GET', '/Deals/search'), 'recordlock_user', ['ZohoCRM.modules.deals.READ', 'ZohoSearch.securesearch.READ']],
    [call('user', 'POST', '/coql'), 'recordlock_user', ['ZohoCRM.coql.READ']],
    [call('user', 'GET', '/Deals/{id}/Notes'), 'recordlock_user', ['ZohoCRM.modules.deals.READ', 'ZohoCRM.modules.notes.READ']],
    [call('user', 'POST', '/Deals/{id}/Notes'), 'recordlock_user', ['ZohoCRM.modules.deals.CREATE', 'ZohoCRM.modules.notes.CREATE']],
    [call('user', 'GET', '/Projects__c/{id}'), 'recordlock_user', ['ZohoCRM.modules.custom.READ']],
    [call('user', 'PUT', '/Tasks/{id}'), 'recordlock_user', ['ZohoCRM.modules.tasks.UPDATE']],
    [call('org', 'GET', '/settings/record_locking_configurations'), 'recordlock_org', ['ZohoCRM.settings.record_locking_configurations.READ']],
    [call('org', 'GET', '/settings/profiles/{id}'), 'recordlock_org', ['ZohoCRM.settings.profiles.READ']],
    [call('user', 'GET', '/users'), 'recordlock_user', ['ZohoCRM.users.READ']],
  ])('names what %j needs', (refused, connection, scopes) => {
    expect(scopeAdvice(refused)).toEqual({ connection, scopes, lockScope: null });
  });
});
