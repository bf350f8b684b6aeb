import { describe, expect, it } from 'vitest';
import type { Dialog } from 'playwright-core';
import { SEED } from '../../server/emulator/index';
import { useBrowserSuite } from '../support/browser-suite';
import { openRecordPage, WAIT } from '../support/record-page';

const suite = useBrowserSuite();
const HOSTILE_REASON = '<img src=x onerror=alert(1)><script>alert(2)</script>';

describe('reasons are shown as text', () => {
  it('shows a reason made of HTML and script literally, runs nothing and adds no element', async () => {
    const context = suite.context();
    const dialogs: string[] = [];
    context.on('dialog', (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const rep = await openRecordPage(context, suite.server().url, { user: 'rep@example.com', record: SEED.deals.acmeRenewal });
    await rep.widget.getByRole('button', { name: 'Lock record' }).click();
    await rep.widget.getByRole('textbox', { name: 'Lock reason' }).fill(HOSTILE_REASON);
    await rep.widget.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => rep.status.innerText(), WAIT).toContain(`Reason: ${HOSTILE_REASON}`);

    // A second viewer reads the reason back from Zoho rather than from the form.
    const manager = await openRecordPage(context, suite.server().url, { user: 'manager@example.com', record: SEED.deals.acmeRenewal });
    expect(await manager.status.innerText()).toContain(`Reason: ${HOSTILE_REASON}`);
    for (const view of [rep, manager]) {
      expect(await view.widget.locator('img').count()).toBe(0);
      expect(await view.widget.locator('#record-lock script').count()).toBe(0);
      await view.widget.getByRole('button', { name: 'Edit reason' }).click();
      expect(await view.widget.getByRole('textbox', { name: 'Lock reason' }).inputValue()).toBe(HOSTILE_REASON);
    }
    expect(dialogs).toEqual([]);
  });
});
