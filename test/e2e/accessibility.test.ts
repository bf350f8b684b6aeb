import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SEED } from '../../server/emulator/index';
import { axeViolations, describeViolations } from '../support/axe';
import { useBrowserSuite } from '../support/browser-suite';
import { failNextCall } from '../support/harness-calls';
import { openRecordPage, type RecordPage, type RecordPageQuery } from '../support/record-page';

const suite = useBrowserSuite();

const germanStatusLabel = z
  .object({ 'status.label': z.string() })
  .parse(JSON.parse(readFileSync(new URL('../../app/translations/de.json', import.meta.url), 'utf8')))['status.label'];

interface WidgetState {
  state: string;
  query: RecordPageQuery;
  statusName?: string;
  /** Brings the widget into the state after the status shows. */
  reach?(view: RecordPage): Promise<void>;
}

const rep = 'rep@example.com';
const manager = 'manager@example.com';

const STATES: WidgetState[] = [
  { state: 'unlocked', query: { user: rep, record: SEED.deals.acmeRenewal } },
  {
    state: 'lock form open',
    query: { user: rep, record: SEED.deals.acmeRenewal },
    async reach({ widget }) {
      await widget.getByRole('button', { name: 'Lock record' }).click();
      await widget.getByRole('textbox', { name: 'Lock reason' }).waitFor();
    },
  },
  { state: 'locked by hand', query: { user: manager, record: SEED.deals.hooliPricing } },
  { state: 'locked by a rule', query: { user: manager, record: SEED.deals.initechClosedWon } },
  {
    state: 'unlock confirmation open',
    query: { user: manager, record: SEED.deals.hooliPricing },
    async reach({ widget }) {
      await widget.getByRole('button', { name: 'Unlock record' }).click();
      await widget.getByRole('group', { name: 'Unlock this record?' }).waitFor();
    },
  },
  { state: 'intern without the lock permission', query: { user: 'intern@example.com', record: SEED.deals.hooliPricing }, statusName: germanStatusLabel },
  { state: 'no locking configuration', query: { user: manager, module: 'Contacts', record: SEED.contacts.aliceSmith } },
  {
    state: 'error shown',
    query: { user: rep, record: SEED.deals.acmeRenewal },
    async reach({ page, widget }) {
      await widget.getByRole('button', { name: 'Lock record' }).click();
      await widget.getByRole('textbox', { name: 'Lock reason' }).fill('Waiting for the signed renewal');
      await failNextCall(page, 'error');
      await widget.getByRole('button', { name: 'Save' }).click();
      await widget.getByRole('alert').getByRole('button', { name: 'Try again' }).waitFor();
    },
  },
];

describe('the widget under axe-core', () => {
  it.each(STATES)('finds no violations when $state', async ({ query, statusName, reach }) => {
    const view = await openRecordPage(suite.context(), suite.server().url, query, statusName ? { statusName } : {});
    await reach?.(view);
    expect(describeViolations(await axeViolations(view.widgetFrame()))).toEqual([]);
  });
});
