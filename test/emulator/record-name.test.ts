import { describe, expect, it } from 'vitest';
import { nameFieldsOf, recordDisplayName } from '../../server/emulator';

describe('recordDisplayName', () => {
  it.each([
    ['Leads', { First_Name: 'Jane', Last_Name: 'Doe' }, 'Jane Doe'],
    ['Contacts', { First_Name: '', Last_Name: 'Smith' }, 'Smith'],
    ['Deals', { Deal_Name: 'Acme renewal', Stage: 'Qualification' }, 'Acme renewal'],
    ['Price_Books', { Price_Book_Name: 'Wholesale' }, 'Wholesale'],
    ['Quotes', { Subject: 'Q-17' }, 'Q-17'],
    ['Deals', { Deal_Name: '   ' }, ''],
    ['Deals', {}, ''],
  ])('names a %s record %j as %j', (module, fields, name) => {
    expect(recordDisplayName(module, fields)).toBe(name);
  });

  it.each([
    ['Leads', ['First_Name', 'Last_Name']],
    ['Accounts', ['Account_Name']],
    ['Solutions', ['Solution_Title']],
    ['Nope', ['Name']],
  ])('reads the name of a %s record from %j', (module, fields) => {
    expect(nameFieldsOf(module)).toEqual(fields);
  });
});
