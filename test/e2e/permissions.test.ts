import { describe, expect, it } from 'vitest';
import { SEED } from '../../server/emulator/index';
import { useBrowserSuite } from '../support/browser-suite';
import { openRecordPage } from '../support/record-page';
import { textsIn } from '../support/texts';

const suite = useBrowserSuite();

// The intern's locale is de_DE: the widget speaks German to them.
const german = textsIn('de');
const de = (key: string): string => {
  const text = german[key];
  if (text === undefined) throw new Error(`de.json has no ${key}`);
  return text;
};

describe('what each viewer is offered, and why not', () => {
  it('tells the intern, whose profile may not lock, why they cannot, and offers no lock button', async () => {
    const { widget, status } = await openRecordPage(
      suite.context(),
      suite.server().url,
      { user: 'intern@example.com', record: SEED.deals.acmeRenewal },
      { statusName: de('status.label') },
    );
    expect(await status.innerText()).toContain(de('status.unlocked'));
    await widget.getByText(de('why.noLockPermission')).waitFor();
    expect(await widget.getByRole('button', { name: de('action.lock') }).count()).toBe(0);
    expect(await widget.getByRole('button', { name: 'Lock record' }).count()).toBe(0);
    // The only button left opens the history, which every viewer may read.
    expect(await widget.getByRole('button').allInnerTexts()).toEqual([de('history.show')]);
  });

  it('tells the administrator that the manual lock does not bind their profile', async () => {
    const { status } = await openRecordPage(suite.context(), suite.server().url, {
      user: 'admin@example.com',
      record: SEED.deals.hooliPricing,
    });
    const shown = await status.innerText();
    expect(shown).toContain('Locked by Rita Rep');
    expect(shown).toContain('Your profile is exempt from this lock: you can still edit this record.');
    expect(shown).not.toContain('You cannot make the restricted changes');
  });

  it('names the rule "Closed Won deals" behind an automatic lock and offers no unlock', async () => {
    const { widget, status } = await openRecordPage(suite.context(), suite.server().url, {
      user: 'manager@example.com',
      record: SEED.deals.initechClosedWon,
    });
    const shown = await status.innerText();
    expect(shown).toContain('Locked automatically');
    expect(shown).toContain('Locked by the rule “Closed Won deals”.');
    await widget.getByText('The rule “Closed Won deals” set this lock, so it cannot be unlocked or edited by hand.').waitFor();
    expect(await widget.getByRole('button', { name: 'Unlock record' }).count()).toBe(0);
    expect(await widget.getByRole('button', { name: 'Edit reason' }).count()).toBe(0);
  });

  it('says that record locking is not set up for Contacts, and offers nothing', async () => {
    const { widget, status } = await openRecordPage(suite.context(), suite.server().url, {
      user: 'manager@example.com',
      module: 'Contacts',
      record: SEED.contacts.aliceSmith,
    });
    expect(await status.innerText()).toContain('Unlocked');
    await widget.getByText('Record locking is not set up for this module.').waitFor();
    await widget.getByText(/Setup > Customization > Modules and Fields > Contacts > Record Locking Configuration/).waitFor();
    // The only button left opens the history, which every viewer may read.
    expect(await widget.getByRole('button').allInnerTexts()).toEqual(['Show history']);
  });
});
