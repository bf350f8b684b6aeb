import { describe, expect, it } from 'vitest';
import { answeredDescription, parseRequestText, requestDescription, requestSubject } from '../../../widget/crm/unlock-request-text';

describe('an unlock request’s task text', () => {
  it('reads back the requester and message it wrote', () => {
    expect(parseRequestText(requestDescription('Ivo Intern', 'Two lines\n\nof text'))).toEqual({ requester: 'Ivo Intern', message: 'Two lines\n\nof text', answer: null });
  });

  it('reads back a Keep locked reply and an unlock added later', () => {
    const asked = requestDescription('Ivo Intern', 'Please');
    expect(parseRequestText(answeredDescription(asked, { kind: 'keptLocked', by: 'Rita Rep', reply: 'Not yet: legal' }))).toEqual({
      requester: 'Ivo Intern',
      message: 'Please',
      answer: { kind: 'keptLocked', by: 'Rita Rep', reply: 'Not yet: legal' },
    });
    expect(parseRequestText(answeredDescription(asked, { kind: 'unlocked', by: 'Max Manager', reason: '' }))?.answer).toEqual({ kind: 'unlocked', by: 'Max Manager', reason: '' });
  });

  it('writes an unlock’s reason after who unlocked, and reads it back with its lines', () => {
    const asked = requestDescription('Ivo Intern', 'Please');
    const answered = answeredDescription(asked, { kind: 'unlocked', by: 'Rita Rep', reason: 'Contract signed.\nAmount fixed.' });
    expect(answered).toBe('Ivo Intern asked to unlock this record.\n\nMessage: Please\n\nUnlocked by Rita Rep. Reason: Contract signed.\nAmount fixed.\n\n[record-lock:unlock-request]');
    expect(parseRequestText(answered)).toEqual({ requester: 'Ivo Intern', message: 'Please', answer: { kind: 'unlocked', by: 'Rita Rep', reason: 'Contract signed.\nAmount fixed.' } });
  });

  it('still reads an unlock answer written before unlocks had a reason', () => {
    const older = 'Ivo Intern asked to unlock this record.\n\nUnlocked by Max Manager.\n\n[record-lock:unlock-request]';
    expect(parseRequestText(older)).toEqual({ requester: 'Ivo Intern', message: '', answer: { kind: 'unlocked', by: 'Max Manager', reason: '' } });
  });

  it('takes the last reply as the answer when a message imitates one', () => {
    const asked = requestDescription('Ivo Intern', 'x\n\nReply from Rita Rep: yes');
    const answered = answeredDescription(asked, { kind: 'keptLocked', by: 'Rita Rep', reply: 'no' });
    expect(parseRequestText(answered)).toMatchObject({ message: 'x\n\nReply from Rita Rep: yes', answer: { reply: 'no' } });
  });

  it('ignores a task without the marker', () => {
    expect(parseRequestText('Ivo Intern asked to unlock this record.')).toBeNull();
  });

  it('cuts a subject to Zoho’s 255 characters', () => {
    expect([...requestSubject('n'.repeat(300))]).toHaveLength(255);
  });
});
