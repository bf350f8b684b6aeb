import { expect } from 'vitest';
import english from '../../app/translations/en.json';
import { SEED } from '../../server/emulator/index';
import { locksOn, tasksOn } from './emulator-locks';
import { harnessCalls, setApiLimitReached } from './harness-calls';
import { historyLines, openRecordPage, recordPageOf, recordPageUrl, settledView, WAIT, type RecordPage } from './record-page';
import { tabPageUrl } from './tab-page';
import type { Journey, JourneyRun } from './variant-journey';

/** The record panel's journeys of the variant matrix, as the demo org's people do them in the browser. */

const REP = 'rep@example.com';
const MANAGER = 'manager@example.com';
const ACME = SEED.deals.acmeRenewal;
const HOOLI = SEED.deals.hooliPricing;
const HOOLI_REASON = 'Reason: Pricing under legal review';

const open = (run: JourneyRun, user: string, record: string): Promise<RecordPage> =>
  openRecordPage(run.context, run.serverUrl, { user, record, variant: run.variant });

/** The calls a view made once it has finished by itself (requests and history loaded, the call log still). */
async function callsOfView(view: RecordPage): Promise<number> {
  await settledView(view);
  return (await harnessCalls(view.page)).length;
}

/** The manager views the rep's locked deal twice in one context: status shown, and the warm view within 3 calls. */
export const viewJourney: Journey = async (run) => {
  const cold = await open(run, MANAGER, HOOLI);
  const coldShown = await cold.status.innerText();
  expect(coldShown).toContain('Locked by Rita Rep');
  expect(coldShown).toContain(HOOLI_REASON);
  run.noteCalls('cold', await callsOfView(cold));

  // The next view in the same context: the module's settings come from the widget origin's storage.
  await cold.page.goto(cold.page.url());
  const warm = await recordPageOf(cold.page);
  expect(await warm.status.innerText()).toContain(HOOLI_REASON);
  const warmCalls = await callsOfView(warm);
  run.noteCalls('warm', warmCalls);
  expect(warmCalls).toBeLessThanOrEqual(3);
};

/** The rep locks an open deal with a reason and sees it locked by them with that reason. */
export const lockJourney: Journey = async (run) => {
  const rep = await open(run, REP, ACME);
  await expect.poll(() => rep.status.innerText(), WAIT).toContain('Unlocked');
  await rep.widget.getByRole('button', { name: 'Lock record' }).click();
  await rep.widget.getByRole('textbox', { name: 'Lock reason' }).fill('Waiting for the signed renewal');
  await rep.widget.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => rep.status.innerText(), WAIT).toContain('Reason: Waiting for the signed renewal');
  expect(await rep.status.innerText()).toContain('Locked by you');
  expect(locksOn(run.emulator, 'Deals', ACME)).toEqual([expect.objectContaining({ reason: 'Waiting for the signed renewal' })]);
};

/** The rep edits the reason of their lock: the form starts from the current reason, the status shows the new one. */
export const editJourney: Journey = async (run) => {
  const rep = await open(run, REP, HOOLI);
  await rep.widget.getByRole('button', { name: 'Edit reason' }).click();
  const reason = rep.widget.getByRole('textbox', { name: 'Lock reason' });
  await expect.poll(() => reason.inputValue(), WAIT).toBe('Pricing under legal review');
  await reason.fill('Legal approved; waiting for the CFO');
  await rep.widget.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => rep.status.innerText(), WAIT).toContain('Reason: Legal approved; waiting for the CFO');
  expect(locksOn(run.emulator, 'Deals', HOOLI)).toEqual([expect.objectContaining({ reason: 'Legal approved; waiting for the CFO' })]);
};

/** The rep sees Ivo Intern's open request, unlocks after confirming, and the request's task is closed. */
export const unlockJourney: Journey = async (run) => {
  const rep = await open(run, REP, HOOLI);
  await expect.poll(() => rep.widget.getByRole('list', { name: 'Unlock requests' }).innerText(), WAIT).toContain('Ivo Intern asked');
  await rep.widget.getByRole('button', { name: 'Unlock record' }).click();
  await rep.widget.getByRole('group', { name: 'Unlock this record?' }).getByRole('button', { name: 'Yes, unlock' }).click();
  await expect.poll(() => rep.status.innerText(), WAIT).toContain('Unlocked');
  expect(locksOn(run.emulator, 'Deals', HOOLI)).toEqual([]);
  // The request is answered by the unlock: Ivo's task closes (the status whose actual value is Completed).
  await expect.poll(() => tasksOn(run.emulator, HOOLI).map((task) => task.Status), WAIT).toEqual(['Completed']);
};

/** The manager asks the rep to unlock with a message and is told the request went to her. */
export const askJourney: Journey = async (run) => {
  const manager = await open(run, MANAGER, HOOLI);
  await manager.widget.getByRole('button', { name: 'Ask to unlock' }).click();
  await manager.widget.getByRole('textbox', { name: 'Message' }).fill('The amount needs a correction');
  await manager.widget.getByRole('button', { name: 'Send request' }).click();
  await manager.widget.getByText('Request sent to Rita Rep.').waitFor(WAIT);
  const asked = tasksOn(run.emulator, HOOLI).filter((task) => task.Description?.includes('The amount needs a correction'));
  expect(asked.map((task) => task.Status)).not.toContain('Completed');
  expect(asked).toHaveLength(1);
};

/** The rep opens the history of her deal: the panel's four notes, newest first. */
export const historyJourney: Journey = async (run) => {
  const rep = await open(run, REP, HOOLI);
  await expect.poll(async () => (await historyLines(rep)).length, WAIT).toBe(4);
  const lines = await historyLines(rep);
  expect(lines[0]).toContain('Ivo Intern asked Rita Rep to unlock it');
  expect(lines[1]).toContain('Rita Rep locked the record');
  expect(lines[2]).toContain('Max Manager unlocked the record');
  expect(lines[3]).toContain('Max Manager locked the record');
};

/**
 * The org's API limit is reached (the harness's switch spends its credits, as a busy org does): a lock
 * refused with 429 keeps the typed reason and says so, and so do the next view and the web tab.
 * Under `rate-limit-exceeded` this is the only journey where its 429 answer happens at all.
 */
export const apiLimitJourney: Journey = async (run) => {
  const rep = await open(run, REP, ACME);
  await expect.poll(() => rep.status.innerText(), WAIT).toContain('Unlocked');
  await rep.widget.getByRole('button', { name: 'Lock record' }).click();
  const reason = rep.widget.getByRole('textbox', { name: 'Lock reason' });
  await reason.fill('Quarter close');
  await setApiLimitReached(rep.page, true);
  await rep.widget.getByRole('button', { name: 'Save' }).click();
  await rep.widget.getByRole('alert').getByText(english['error.tooManyRequests']).waitFor(WAIT);
  await rep.widget.getByText(/^Try again after /).waitFor(WAIT);
  expect(await reason.inputValue()).toBe('Quarter close');
  expect(await rep.status.innerText()).toContain('Unlocked');

  await rep.page.goto(recordPageUrl(run.serverUrl, { user: REP, record: HOOLI, variant: run.variant }));
  await rep.widget.getByText(english['error.tooManyRequests']).waitFor(WAIT);

  await rep.page.goto(tabPageUrl(run.serverUrl, { user: REP, variant: run.variant }));
  // The tab reads three locks at once: a 429 naming no wait (RATE_LIMIT_EXCEEDED, the OpenAPI files'
  // code for too many calls at once) is said as such; one naming its wait, as the day's limit or that.
  const limitSaid = run.variant === 'rate-limit-exceeded' ? english['error.tooManyAtOnce'] : english['error.tooManyRequests'];
  await rep.widget.getByRole('alert').getByText(limitSaid).first().waitFor(WAIT);
};
