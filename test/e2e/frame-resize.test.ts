import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { useBrowserSuite } from '../support/browser-suite';
import { failNextCall } from '../support/harness-calls';
import { openRecordPage, WAIT, WIDGET_FRAME, type RecordPage } from '../support/record-page';

const suite = useBrowserSuite();

/** How far the frame's height is from the widget content's height, in px. */
async function heightGap({ page, widgetFrame }: RecordPage): Promise<number> {
  const frameHeight = await page.locator(WIDGET_FRAME).evaluate((frame) => frame.getBoundingClientRect().height);
  const contentHeight = await widgetFrame().evaluate(() => document.getElementById('record-lock')?.getBoundingClientRect().height ?? 0);
  return Math.abs(frameHeight - contentHeight);
}

async function expectFrameFitsContent(view: RecordPage): Promise<void> {
  await expect.poll(() => heightGap(view), WAIT).toBeLessThanOrEqual(3);
}

describe('the widget frame’s height', () => {
  it('follows the widget’s content through the form, the lock, an error, the confirmation and the unlock', async () => {
    const view = await openRecordPage(suite.context(), suite.server().url, { user: 'rep@example.com', record: SEED.deals.acmeRenewal });
    const { widget, status, page } = view;
    const heights: number[] = [];
    const record = async () => {
      await expectFrameFitsContent(view);
      heights.push(await page.locator(WIDGET_FRAME).evaluate((frame) => Math.round(frame.getBoundingClientRect().height)));
    };
    await record();

    await widget.getByRole('button', { name: 'Lock record' }).click();
    await widget.getByRole('textbox', { name: 'Lock reason' }).fill('Waiting for the signed renewal');
    await record();

    await failNextCall(page, 'error');
    await widget.getByRole('button', { name: 'Save' }).click();
    await widget.getByRole('alert').waitFor();
    await record();

    await widget.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => status.innerText(), WAIT).toContain('Locked by you');
    await record();

    await widget.getByRole('button', { name: 'Unlock record' }).click();
    await widget.getByRole('group', { name: 'Unlock this record?' }).waitFor();
    await record();

    await widget.getByRole('button', { name: 'Yes, unlock' }).click();
    await expect.poll(() => status.innerText(), WAIT).toContain('Unlocked');
    await record();

    // Each step changed the content's height, so a frame stuck at one height could not pass.
    expect(new Set(heights).size).toBeGreaterThanOrEqual(4);
  });
});
