import { describe, expect, it } from 'vitest';
import { criteriaMatch } from '../../server/emulator/criteria';
import type { Criteria } from '../../server/emulator/state';

const on = (api_name: string, comparator: 'equal' | 'not_equal' | 'greater_than' | 'less_than', value: unknown): Criteria => ({
  comparator,
  field: { api_name, id: '1' },
  type: 'value',
  value,
});

const deal = { Stage: 'Closed Won', Amount: 50000, Closing_Date: '2026-03-31', Account_Name: { name: 'Acme Corp', id: '42' } };

describe('criteriaMatch', () => {
  it.each([
    [on('Stage', 'equal', 'Closed Won'), true],
    [on('Stage', 'equal', 'Closed Lost'), false],
    [on('Stage', 'not_equal', 'Closed Lost'), true],
    [on('Amount', 'greater_than', 49999), true],
    [on('Amount', 'greater_than', '50000'), false],
    [on('Amount', 'less_than', 60000), true],
    [on('Closing_Date', 'less_than', '2026-04-01'), true],
    [on('Account_Name', 'equal', 'Acme Corp'), true],
    [on('Account_Name', 'equal', '42'), true],
    [on('Description', 'equal', null), true],
    [{ group_operator: 'AND', group: [on('Stage', 'equal', 'Closed Won'), on('Amount', 'greater_than', 60000)] }, false],
    [{ group_operator: 'OR', group: [on('Stage', 'equal', 'Closed Lost'), on('Amount', 'greater_than', 1000)] }, true],
  ] as [Criteria, boolean][])('%j matches the deal: %s', (criteria, expected) => {
    expect(criteriaMatch(criteria, deal)).toBe(expected);
  });
});
