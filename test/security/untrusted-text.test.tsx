import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator, SEED } from '../../server/emulator';
import type { EmulatorState } from '../../server/emulator/state';
import { openRecord } from '../widget/faults/open-record';
import { statusRegion } from '../widget/faults/shown-state';

const folder = mkdtempSync(join(tmpdir(), 'record-lock-untrusted-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const MARKUP = {
  name: '<img src=x onerror="window.__pwned=1">',
  reason: '<script>window.__pwned=1</script><b>urgent</b> & "legal"',
  rule: '<svg onload="window.__pwned=1">Closed Won</svg>',
};

/** An org whose names, reason and rule name are markup, as anyone with CRM access could type them. */
function hostileOrg() {
  const state = createEmulator().snapshot() as EmulatorState;
  for (const user of state.users) if (user.id === SEED.users.rep) user.first_name = MARKUP.name;
  for (const lock of state.locks) if (lock.id === SEED.locks.hooliPricing) lock.reason = MARKUP.reason;
  for (const configuration of state.configurations) {
    for (const rule of configuration.locking_rules) if (rule.id === SEED.rules.closedWonDeals) rule.name = MARKUP.rule;
  }
  const dataFile = join(folder, `org-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(dataFile, JSON.stringify(state));
  return createEmulator({ dataFile });
}

const expectNoMarkup = () => {
  const region = statusRegion();
  expect(region.querySelectorAll('img, script, svg, b')).toHaveLength(0);
  expect(document.querySelectorAll('[onerror], [onload]')).toHaveLength(0);
  return (region.textContent ?? '').replace(/\s/g, ' ');
};

describe('untrusted text in the panel', () => {
  it("shows a reason and a locker's name made of markup as the characters typed", async () => {
    await openRecord('manager', 'Deals', SEED.deals.hooliPricing, { emulator: hostileOrg() });
    const text = expectNoMarkup();
    expect(text).toContain(MARKUP.reason);
    expect(text).toContain(`${MARKUP.name} Rep`);
  });

  it('shows a rule name made of markup as the characters typed', async () => {
    await openRecord('manager', 'Deals', SEED.deals.initechClosedWon, { emulator: hostileOrg() });
    expect(expectNoMarkup()).toContain(MARKUP.rule);
  });
});
