import { describe, expect, it } from 'vitest';
import { historyLine, parseHistoryLine, type HistoryEvent } from '../../../widget/model/history-line';

describe('a history note’s line', () => {
  it.each<HistoryEvent>([
    { kind: 'locked', by: 'Rita Rep', reason: 'Audit. Reason: nested' },
    { kind: 'reasonChanged', by: 'Rita Rep', reason: 'New' },
    { kind: 'unlocked', by: 'Max Manager', reason: '' },
    { kind: 'unlocked', by: 'Max Manager', reason: 'Contract signed.\nSecond line' },
    { kind: 'asked', by: 'Ivo Intern', locker: 'Rita Rep' },
    { kind: 'keptLocked', by: 'Rita Rep', requester: 'Ivo Intern', reply: 'Two more days' },
    { kind: 'keptLocked', by: 'Rita Rep', requester: 'Ivo Intern', reply: '' },
  ])('reads back the $kind event it wrote', (event) => {
    expect(parseHistoryLine(historyLine(event), event.by)).toEqual(event);
  });

  it('writes an unlock’s reason after the line, and none when it was left empty', () => {
    expect(historyLine({ kind: 'unlocked', by: 'Rita Rep', reason: 'Contract signed' })).toBe('Rita Rep unlocked this record. Reason: Contract signed');
    expect(historyLine({ kind: 'unlocked', by: 'Rita Rep', reason: '' })).toBe('Rita Rep unlocked this record.');
  });

  it('still reads an unlock note written before unlocks had a reason', () => {
    expect(parseHistoryLine('Max Manager unlocked this record.', 'Max Manager')).toEqual({ kind: 'unlocked', by: 'Max Manager', reason: '' });
  });

  it('leaves a line by someone else, or of another shape, to be shown as written', () => {
    expect(parseHistoryLine('Rita Rep locked this record. Reason: x', 'Max Manager')).toBeNull();
    expect(parseHistoryLine('Rita Rep called the customer.', 'Rita Rep')).toBeNull();
  });
});
