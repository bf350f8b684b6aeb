import { describe, expect, it } from 'vitest';
import { checkId, checkModule, crmUrl } from '../../../widget/crm/crm-url';

describe('crmUrl', () => {
  it('builds a v8 URL on the given API domain with an encoded query', () => {
    expect(crmUrl('https://www.zohoapis.com.au/', ['settings', 'fields'], { module: 'Locking_Information__s' })).toBe(
      'https://www.zohoapis.com.au/crm/v8/settings/fields?module=Locking_Information__s',
    );
  });

  it('encodes each path segment', () => {
    expect(crmUrl('https://www.zohoapis.eu', ['a/b', 'c?d'])).toBe('https://www.zohoapis.eu/crm/v8/a%2Fb/c%3Fd');
  });
});

describe('checkModule', () => {
  it.each(['Deals', 'Price_Books', 'Custom_Module1'])('accepts %s', (name) => {
    expect(checkModule(name)).toBe(name);
  });

  it.each(['', '1Deals', 'Deals/1', '../settings', 'Deals?x=1', 'Dé'])('refuses %j with a plain Error', (name) => {
    expect(() => checkModule(name)).toThrow(Error);
  });
});

describe('checkId', () => {
  it.each(['1', '5843104000000410001', '9'.repeat(19)])('accepts %s', (id) => {
    expect(checkId(id)).toBe(id);
  });

  it.each(['', '12a', '-1', '1.5', '9'.repeat(20), '1/../2', ' 1'])('refuses %j with a plain Error', (id) => {
    expect(() => checkId(id)).toThrow(Error);
  });
});
