/**
 * Faults between the widget and Zoho, injected per call into a memory host over the real emulator:
 * Zoho's 500, timeouts and dropped connections before or after Zoho applied the call, and answers
 * that are not Zoho's (an HTML error page, foreign JSON, cut-off JSON), also after the call applied.
 */
import type { Emulator } from '../../../server/emulator';
import type { EmulatorState, LockState } from '../../../server/emulator/state';
import type { Host, HostRequest, HostResponse } from '../../../widget/host/host';
import { createMemoryHost, type MemoryHost, type MemoryHostOptions } from '../../support/memory-host';

export const FAULTS = [
  'internalError',
  'timeoutBefore',
  'timeoutAfter',
  'droppedBefore',
  'droppedAfter',
  'htmlPage',
  'foreignJson',
  'cutOffJson',
  'appliedThenHtml',
] as const;
export type Fault = (typeof FAULTS)[number];

/** Whether Zoho has acted on the call when the fault hits. */
export const APPLIED: Readonly<Record<Fault, boolean>> = {
  internalError: false,
  timeoutBefore: false,
  timeoutAfter: true,
  droppedBefore: false,
  droppedAfter: true,
  htmlPage: false,
  foreignJson: false,
  cutOffJson: false,
  appliedThenHtml: true,
};

export interface FaultyConnection {
  /** The Host to give the widget: the memory host, with the faults queued here applied in call order. */
  host: Host;
  memoryHost: MemoryHost;
  /** Faults for the next calls, one per call; `undefined` lets that call through. */
  failNext(...faults: (Fault | undefined)[]): void;
  /** Drops faults not yet used, so none leaks into the next step. */
  clear(): void;
  readonly injected: number;
  /** Every call the widget made, faulty or not. */
  readonly calls: readonly HostRequest[];
}

const withFaultHeader = (request: Request, fault: string): Request => {
  const headers = new Headers(request.headers);
  headers.set('X-Emulator-Fault', fault);
  return new Request(request, { headers });
};

export function createFaultyConnection(
  emulator: Emulator,
  options: Omit<MemoryHostOptions, 'handle'>,
): FaultyConnection {
  const queue: (Fault | undefined)[] = [];
  let current: Fault | undefined;
  let injected = 0;

  const handle = async (request: Request): Promise<Response> => {
    switch (current) {
      case 'internalError':
        return emulator.handle(withFaultHeader(request, 'error'));
      case 'droppedBefore':
        return emulator.handle(withFaultHeader(request, 'drop'));
      case 'droppedAfter':
        return emulator.handle(withFaultHeader(request, 'drop-after'));
      case 'htmlPage':
        return new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 });
      case 'foreignJson':
        return Response.json({ ok: true, result: 'done' });
      case 'cutOffJson':
        return new Response('{"data":[{"code":"SUCCESS","details":{"id":"58431', { status: 200 });
      case 'appliedThenHtml':
        await emulator.handle(request);
        return new Response('<html><body>504 Gateway Timeout</body></html>', { status: 504 });
      default:
        return emulator.handle(request);
    }
  };

  const memoryHost = createMemoryHost({ ...options, handle });

  const request = async (call: HostRequest): Promise<HostResponse> => {
    const fault = queue.shift();
    if (fault !== undefined) injected += 1;
    if (fault === 'timeoutBefore' || fault === 'timeoutAfter') {
      memoryHost.failNext('timeout', { afterSending: fault === 'timeoutAfter' });
      return memoryHost.request(call);
    }
    current = fault;
    try {
      return await memoryHost.request(call);
    } finally {
      current = undefined;
    }
  };

  return {
    host: { ...memoryHost, request },
    memoryHost,
    failNext: (...faults) => void queue.push(...faults),
    clear: () => void queue.splice(0),
    get injected() {
      return injected;
    },
    get calls() {
      return memoryHost.calls;
    },
  };
}

/** The locks the emulator holds for one record (more than one would be a duplicate). */
export const locksOf = (emulator: Emulator, module: string, recordId: string): LockState[] =>
  (emulator.snapshot() as EmulatorState).locks.filter((l) => l.module === module && l.recordId === recordId);
