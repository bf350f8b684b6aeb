import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { SEED } from '../../server/emulator/index';
import { useBrowserSuite } from '../support/browser-suite';
import { locksOn } from '../support/emulator-locks';
import { openRecordPage, WAIT } from '../support/record-page';

const suite = useBrowserSuite();

interface Focused {
  /** Accessible-ish name: aria-label, the label of a text box, or the text. */
  name: string;
  tag: string;
  outlineStyle: string;
  outlineWidth: number;
}

/** What has focus inside the widget, and how its focus ring is drawn. */
function focusedIn(frame: Frame): Promise<Focused | null> {
  return frame.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    const style = getComputedStyle(element);
    return {
      name: (element.getAttribute('aria-label') ?? label ?? element.textContent ?? '').trim(),
      tag: element.tagName.toLowerCase(),
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
    };
  });
}

/** Presses Tab (at most `limit` times) until the widget's focused element has this name. */
async function tabTo(page: Page, frame: Frame, name: string, limit = 15): Promise<Focused> {
  for (let presses = 0; presses < limit; presses += 1) {
    const focused = await focusedIn(frame);
    if (focused?.name === name) return focused;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}" in the widget`);
}

async function expectFocusOn(frame: Frame, name: string): Promise<Focused> {
  await expect.poll(async () => (await focusedIn(frame))?.name, WAIT).toBe(name);
  const focused = await focusedIn(frame);
  if (!focused) throw new Error('Nothing has focus in the widget');
  return focused;
}

function expectVisibleFocusRing(focused: Focused): void {
  expect(focused.outlineStyle).not.toBe('none');
  expect(focused.outlineWidth).toBeGreaterThanOrEqual(2);
}

describe('the widget by keyboard alone', () => {
  it('locks, edits the reason and unlocks with Tab, Shift+Tab, Enter, Space and Escape, with a visible focus ring', async () => {
    const { page, status, widgetFrame } = await openRecordPage(suite.context(), suite.server().url, {
      user: 'rep@example.com',
      record: SEED.deals.acmeRenewal,
    });
    const frame = widgetFrame();
    const keys = page.keyboard;

    // Lock: Escape cancels the first try, Space reopens, Enter saves.
    expectVisibleFocusRing(await tabTo(page, frame, 'Lock record'));
    await keys.press('Enter');
    expect((await expectFocusOn(frame, 'Lock reason')).tag).toBe('textarea');
    await keys.type('Abandoned draft');
    await keys.press('Escape');
    expectVisibleFocusRing(await expectFocusOn(frame, 'Lock record'));
    expect(locksOn(suite.server().emulator, 'Deals', SEED.deals.acmeRenewal)).toEqual([]);
    await keys.press('Space');
    await expectFocusOn(frame, 'Lock reason');
    await keys.type('Typed by keyboard');
    await keys.press('Enter');
    await expect.poll(() => status.innerText(), WAIT).toContain('Reason: Typed by keyboard');
    expect(await status.innerText()).toContain('Locked by you');

    // Edit the reason: Enter opens the form with the reason, Enter saves.
    expectVisibleFocusRing(await tabTo(page, frame, 'Edit reason'));
    await keys.press('Enter');
    await expectFocusOn(frame, 'Lock reason');
    await keys.press('ControlOrMeta+A');
    await keys.type('Edited by keyboard');
    await keys.press('Enter');
    await expect.poll(() => status.innerText(), WAIT).toContain('Reason: Edited by keyboard');
    expectVisibleFocusRing(await expectFocusOn(frame, 'Edit reason'));

    // Unlock: Space opens the confirmation on Cancel, Escape closes it, Shift+Tab reaches "Yes, unlock".
    expectVisibleFocusRing(await tabTo(page, frame, 'Unlock record'));
    await keys.press('Space');
    expectVisibleFocusRing(await expectFocusOn(frame, 'Cancel'));
    await keys.press('Escape');
    await expectFocusOn(frame, 'Unlock record');
    expect(await status.innerText()).toContain('Locked');
    await keys.press('Enter');
    await expectFocusOn(frame, 'Cancel');
    await keys.press('Shift+Tab');
    expectVisibleFocusRing(await expectFocusOn(frame, 'Yes, unlock'));
    await keys.press('Enter');
    await expect.poll(() => status.innerText(), WAIT).toContain('Unlocked');
    expect(locksOn(suite.server().emulator, 'Deals', SEED.deals.acmeRenewal)).toEqual([]);
  });
});
