import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED, type Emulator } from '../../../server/emulator/index';
import { openRequestCalls } from '../../../widget/crm/open-requests';

/** The most records one COQL call asks about: COQL's cap on the values of `in`. */
const OPEN_REQUESTS_MAX_RECORDS = 50;
import { taskCalls } from '../../../widget/crm/tasks';
import { answeredDescription } from '../../../widget/crm/unlock-request-text';

const readOpenRequests = (options: Parameters<typeof openRequestCalls>[0], recordIds: readonly string[]) => openRequestCalls(options).readOpenRequests(recordIds);
import { demoIdentity } from '../../support/demo-users';
import { createMemoryHost } from '../../support/memory-host';

/** The open unlock requests of a page of records, against the emulator's COQL. */
let emulator: Emulator;
beforeEach(() => {
  emulator = createEmulator();
});

function hostAs(key: 'manager' | 'intern') {
  const identity = demoIdentity(key);
  return createMemoryHost({ handle: emulator.handle, page: { module: 'Deals', recordId: '0' }, user: identity.user, tokens: identity.tokens });
}
const apiDomain = 'https://www.zohoapis.com';

describe('readOpenRequests', () => {
  it('finds the open request on each record of the page in one COQL call', async () => {
    const host = hostAs('manager');
    const { requests, more } = await readOpenRequests({ host, apiDomain }, [SEED.deals.hooliPricing, SEED.deals.acmeRenewal]);
    expect(requests).toEqual([{ recordId: SEED.deals.hooliPricing, askedAt: expect.any(String) as string }]);
    expect(more).toBe(false);
    expect(host.calls).toHaveLength(1);
  });

  it('leaves out a request once it is completed', async () => {
    const intern = hostAs('intern');
    const tasks = taskCalls({ host: intern, apiDomain });
    const [request] = await tasks.readUnlockRequests({ module: 'Deals', recordId: SEED.deals.hooliPricing });
    if (!request) throw new Error('The seed has an open request on the Hooli deal');
    await tasks.completeRequest(request.id, request.description, 'Completed');
    const { requests } = await readOpenRequests({ host: hostAs('manager'), apiDomain }, [SEED.deals.hooliPricing]);
    expect(requests).toEqual([]);
  });

  it('leaves out a request completed under the org’s own name for Completed (task-picklists: "Done")', async () => {
    emulator = createEmulator({ variants: ['task-picklists'] });
    const tasks = taskCalls({ host: hostAs('intern'), apiDomain });
    const [request] = await tasks.readUnlockRequests({ module: 'Deals', recordId: SEED.deals.hooliPricing });
    if (!request) throw new Error('The seed has an open request on the Hooli deal');
    expect(request.open).toBe(true);
    await tasks.completeRequest(request.id, request.description, 'Done');
    expect((await readOpenRequests({ host: hostAs('manager'), apiDomain }, [SEED.deals.hooliPricing])).requests).toEqual([]);
    expect((await tasks.readUnlockRequests({ module: 'Deals', recordId: SEED.deals.hooliPricing }))[0]?.open).toBe(false);
  });

  it('leaves out a request answered in its description though its task stays open (an org without a completed status)', async () => {
    const tasks = taskCalls({ host: hostAs('intern'), apiDomain });
    const [request] = await tasks.readUnlockRequests({ module: 'Deals', recordId: SEED.deals.hooliPricing });
    if (!request) throw new Error('The seed has an open request on the Hooli deal');
    await tasks.completeRequest(request.id, answeredDescription(request.description, { kind: 'unlocked', by: 'Rita Rep', reason: 'Signed' }), null);
    expect((await readOpenRequests({ host: hostAs('manager'), apiDomain }, [SEED.deals.hooliPricing])).requests).toEqual([]);
    const [read] = await tasks.readUnlockRequests({ module: 'Deals', recordId: SEED.deals.hooliPricing });
    expect(read).toMatchObject({ open: false, answer: { kind: 'unlocked', by: 'Rita Rep', reason: 'Signed' } });
  });

  it('sends nothing for no records and refuses more than COQL takes in one `in`', async () => {
    const host = hostAs('manager');
    await expect(readOpenRequests({ host, apiDomain }, [])).resolves.toEqual({ requests: [], more: false });
    const tooMany = Array.from({ length: OPEN_REQUESTS_MAX_RECORDS + 1 }, (_, i) => `41508680000009${String(i).padStart(5, '0')}`);
    await expect(readOpenRequests({ host, apiDomain }, tooMany)).rejects.toThrow();
    expect(host.calls).toEqual([]);
  });
});
