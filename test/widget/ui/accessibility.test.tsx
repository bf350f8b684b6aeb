import axe from 'axe-core';
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { manager, manualLock } from '../model/fixtures';
import { renderPanel } from './render-panel';

async function violations(): Promise<string[]> {
  // jsdom has no layout, so colour contrast is checked in the browser tests, not here.
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('LockPanel accessibility', () => {
  it('has no axe violations when unlocked with the lock form open', async () => {
    const { user } = await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Lock record' }));
    await screen.findByRole('textbox', { name: 'Lock reason' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await violations()).toEqual([]);
  });

  it('has no axe violations when locked with the unlock confirmation open', async () => {
    const { user } = await renderPanel({ lock: manualLock({ lockedBy: { id: manager.id, name: manager.fullName } }) });
    await user.click(screen.getByRole('button', { name: 'Unlock record' }));
    await screen.findByRole('group', { name: 'Unlock this record?' });
    expect(await violations()).toEqual([]);
  });
});
