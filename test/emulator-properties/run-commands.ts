/**
 * Runs a sequence of commands against an emulator in-process, checking after every step the
 * answer's envelope and status, the reference model's expectation, and the state invariants.
 */
import { expect } from 'vitest';
import type { Emulator } from '../../server/emulator';
import type { EmulatorState } from '../../server/emulator/state';
import type { Command } from './commands';
import { checkInvariants } from './invariants';
import { identities } from './org-under-test';
import { plan, unchanged } from './reference-model';
import { checkedCode, readAnswer, type ZohoAnswer } from './zoho-envelope';

const BASE = 'https://www.zohoapis.com/crm/v8';

export interface RunCounts {
  sequences: number;
  commands: number;
  faultsInjected: number;
  /** Answers per Zoho code, e.g. SUCCESS, RECORD_LOCKED, NO_PERMISSION. */
  codes: Map<string, number>;
  /** Answers with HTTP 5xx that no fault asked for (must stay 0). */
  unexpectedServerErrors: number;
  /** Steps after which some lock had this Lock_Source__s (Manual, Automatic, Both). */
  lockSources: Map<string, number>;
}

export const emptyCounts = (): RunCounts => ({
  sequences: 0,
  commands: 0,
  faultsInjected: 0,
  codes: new Map(),
  unexpectedServerErrors: 0,
  lockSources: new Map(),
});

const snapshotOf = (emulator: Emulator): EmulatorState => emulator.snapshot() as EmulatorState;

const send = async (emulator: Emulator, command: Command, token: string, request: ReturnType<typeof plan>['request']) => {
  const headers = new Headers({ Authorization: `Zoho-oauthtoken ${token}` });
  if (request.body !== undefined) headers.set('content-type', 'application/json');
  if (command.fault !== 'none') headers.set('X-Emulator-Fault', command.fault);
  const body = request.body === undefined ? null : JSON.stringify(request.body);
  return emulator.handle(new Request(`${BASE}${request.path}`, { method: request.method, headers, body }));
};

const step = async (
  emulator: Emulator,
  command: Command,
  ids: ReturnType<typeof identities>,
  posted: Set<string>,
  seededManual: ReadonlySet<string>,
  counts: RunCounts,
): Promise<void> => {
  const before = snapshotOf(emulator);
  const identity = ids[command.actor];
  const planned = plan(command, { before, identity, actor: command.actor });
  let answer: ZohoAnswer | undefined;
  try {
    answer = await readAnswer(await send(emulator, command, identity.token, planned.request));
  } catch (error) {
    // Only an injected drop may lose the answer, and it looks like fetch's own failure.
    if (command.fault !== 'drop' && command.fault !== 'drop-after') throw error;
    expect(error).toBeInstanceOf(TypeError);
  }
  const after = snapshotOf(emulator);
  if (answer) {
    const code = checkedCode(answer);
    counts.codes.set(code, (counts.codes.get(code) ?? 0) + 1);
    if (answer.status >= 500 && command.fault !== 'error') counts.unexpectedServerErrors += 1;
  }

  if (command.fault === 'error') {
    expect(answer && { code: checkedCode(answer), status: answer.status }).toEqual({ code: 'INTERNAL_ERROR', status: 500 });
    unchanged(before)(after);
  } else if (command.fault === 'credits' || command.fault === 'concurrency') {
    // An API limit refuses the call before anything is applied.
    expect(answer && { code: checkedCode(answer), status: answer.status }).toEqual({ code: 'TOO_MANY_REQUESTS', status: 429 });
    unchanged(before)(after);
  } else if (command.fault === 'drop') {
    expect(answer).toBeUndefined();
    unchanged(before)(after);
  } else {
    if (command.fault === 'drop-after') expect(answer).toBeUndefined();
    if (answer) expect({ code: checkedCode(answer), status: answer.status }).toEqual(planned.expected);
    planned.verify(after, answer);
  }

  if (command.kind === 'lock') {
    for (const lock of after.locks) if (!before.locks.some((l) => l.id === lock.id)) posted.add(lock.id);
  }
  checkInvariants(after, { seededManual, posted });
  for (const source of new Set(after.locks.map((l) => l.source))) {
    counts.lockSources.set(source, (counts.lockSources.get(source) ?? 0) + 1);
  }
};

export const runCommands = async (emulator: Emulator, commands: readonly Command[], counts: RunCounts): Promise<void> => {
  const ids = identities(emulator);
  const seededManual = new Set(snapshotOf(emulator).locks.filter((l) => l.source === 'Manual').map((l) => l.id));
  const posted = new Set<string>();
  counts.sequences += 1;
  for (const [index, command] of commands.entries()) {
    counts.commands += 1;
    if (command.fault !== 'none') counts.faultsInjected += 1;
    try {
      await step(emulator, command, ids, posted, seededManual, counts);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`step ${index} ${JSON.stringify(command)}:\n${message}`, { cause: error });
    }
  }
};
