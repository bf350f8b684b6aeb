/**
 * The reference model: for a command and the state before it, the request to send, the Zoho code
 * and HTTP status the caller must get, and what the state must look like afterwards. It is written
 * from Zoho's documented rules (reference/zoho-crm-record-locking.md), step by step in Zoho's order.
 */
import { expect } from 'vitest';
import type { EmulatorState } from '../../server/emulator/state';
import type { Command } from './commands';
import { planConfigurationCommand } from './reference-configuration';
import { planLockCommand } from './reference-locks';
import { planRecordCommand } from './reference-records';
import type { Actor, ActorIdentity } from './org-under-test';
import type { ZohoAnswer } from './zoho-envelope';

export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query after /crm/v8. */
  path: string;
  body?: unknown;
}

export interface Outcome {
  code: string;
  status: number;
}

export interface Plan {
  request: PlannedRequest;
  expected: Outcome;
  /** Checks the state after a successful command (and, when it arrived, the answer). */
  verify: (after: EmulatorState, answer: ZohoAnswer | undefined) => void;
}

export interface PlanContext {
  before: EmulatorState;
  identity: ActorIdentity;
  actor: Actor;
}

export const outcome = (code: string, status: number): Outcome => ({ code, status });
export const SUCCESS_200 = outcome('SUCCESS', 200);
export const SCOPE_MISMATCH = outcome('OAUTH_SCOPE_MISMATCH', 401);

/**
 * A refused command changes nothing a caller can see. The id counter is left out: a refused
 * configuration change may use up an id (as Zoho's own ids have gaps), which nobody can observe.
 */
export const unchanged =
  (before: EmulatorState) =>
  (after: EmulatorState): void => {
    expect({ ...after, nextId: 0 }).toEqual({ ...before, nextId: 0 });
  };

export const plan = (command: Command, context: PlanContext): Plan => {
  switch (command.kind) {
    case 'lock':
    case 'editReason':
    case 'unlock':
    case 'readLock':
      return planLockCommand(command, context);
    case 'readRecord':
    case 'updateRecord':
      return planRecordCommand(command, context);
    default:
      return planConfigurationCommand(command, context);
  }
};
