// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { saveOnEnter } from '../../../widget/ui/save-on-enter';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { cancelable: true, ...init });

describe('saveOnEnter in a reason box', () => {
  it('saves on Enter and keeps the new line out of the text', () => {
    const save = vi.fn();
    const event = key({ key: 'Enter' });
    expect(saveOnEnter(event, save)).toBe(true);
    expect(save).toHaveBeenCalledOnce();
    expect(event.defaultPrevented).toBe(true);
  });

  it.each([
    ['Shift+Enter, which adds a line', { key: 'Enter', shiftKey: true }],
    ['an Enter confirming an input-method candidate', { key: 'Enter', isComposing: true }],
    ['any other key', { key: 'a' }],
  ])('leaves %s alone', (_, init) => {
    const save = vi.fn();
    const event = key(init);
    expect(saveOnEnter(event, save)).toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });
});
