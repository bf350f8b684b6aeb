import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../widget/crm/crm-error';
import type { TaskChoices, TaskFieldCalls } from '../../../widget/crm/task-fields';
import { createMemoryStore } from '../../../widget/host/storage';
import { createTaskChoicesSource, withTaskChoices } from '../../../widget/model/task-choices';

function fieldsAnswering(...answers: (TaskChoices | Error)[]) {
  let reads = 0;
  const calls: TaskFieldCalls = {
    async getTaskChoices() {
      const answer = answers[Math.min(reads++, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { calls: async () => calls, reads: () => reads };
}
const DEFAULTS = { completed: 'Completed', high: 'High' };
const RENAMED = { completed: 'Done', high: 'Important' };

describe('createTaskChoicesSource', () => {
  it('reads once per view, and not at all in the next ten minutes when the store keeps them', async () => {
    const store = createMemoryStore();
    let at = 0;
    const first = fieldsAnswering(DEFAULTS);
    const source = createTaskChoicesSource({ calls: first.calls, store, now: () => at, org: 'org' });
    await source.get();
    await expect(source.get()).resolves.toEqual(DEFAULTS);
    expect(first.reads()).toBe(1);
    const next = fieldsAnswering(RENAMED);
    at = 9 * 60_000;
    await expect(createTaskChoicesSource({ calls: next.calls, store, now: () => at, org: 'org' }).get()).resolves.toEqual(DEFAULTS);
    expect(next.reads()).toBe(0);
    at = 11 * 60_000;
    await expect(createTaskChoicesSource({ calls: next.calls, store, now: () => at, org: 'org' }).get()).resolves.toEqual(RENAMED);
  });

  it('falls back on a stale entry when the read fails, and fails without one', async () => {
    const store = createMemoryStore();
    let at = 0;
    await createTaskChoicesSource({ calls: fieldsAnswering(DEFAULTS).calls, store, now: () => at, org: 'org' }).get();
    at = 60 * 60_000;
    const failing = fieldsAnswering(new Error('lost'));
    await expect(createTaskChoicesSource({ calls: failing.calls, store, now: () => at, org: 'org' }).get()).resolves.toEqual(DEFAULTS);
    await expect(createTaskChoicesSource({ calls: failing.calls, now: () => at, org: 'org' }).get()).rejects.toThrow('lost');
  });
});

describe('withTaskChoices', () => {
  const refused = (apiName: string) => new CrmError('INVALID_DATA', 'invalid data', { api_name: apiName });

  it('reads the picklists again and sends once more when Zoho refuses a Status or Priority value', async () => {
    const fields = fieldsAnswering(DEFAULTS, RENAMED);
    const source = createTaskChoicesSource({ calls: fields.calls, now: () => 0, org: 'org' });
    const sent: (string | null)[] = [];
    const result = await withTaskChoices(source, async (choices) => {
      sent.push(choices.completed);
      if (choices.completed === 'Completed') throw refused('Status');
      return 'done';
    });
    expect(result).toBe('done');
    expect(sent).toEqual(['Completed', 'Done']);
    expect(fields.reads()).toBe(2);
  });

  it('passes any other failure on, reading nothing again', async () => {
    const fields = fieldsAnswering(DEFAULTS);
    const source = createTaskChoicesSource({ calls: fields.calls, now: () => 0, org: 'org' });
    await expect(withTaskChoices(source, () => Promise.reject(refused('Owner')))).rejects.toMatchObject({ code: 'INVALID_DATA' });
    expect(fields.reads()).toBe(1);
  });
});
