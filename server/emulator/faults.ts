/**
 * Faults chosen per request: the `X-Emulator-Fault` header of one call wins over the options
 * (`latencyMs`, `faults.errorRate`, `faults.dropRate`), so no test leaves a flag behind.
 *
 * Header values, comma-separated: `error` (500 INTERNAL_ERROR), `drop` (lost before it is
 * applied), `drop-after` (applied, then the answer is lost), `delay=<ms>`, and the API limits:
 * `credits` (429 as if the org's credits were spent), `concurrency` (429 as if too many calls ran).
 */

export interface FaultSettings {
  latencyMs?: number | undefined;
  faults?: { errorRate?: number | undefined; dropRate?: number | undefined } | undefined;
}

export type FaultOutcome = 'none' | 'error' | 'drop' | 'drop-after';

/** An API limit the call is answered as if it had met; nothing global changes. */
export type LimitFault = 'credits' | 'concurrency';

export interface FaultChoice {
  delayMs: number;
  outcome: FaultOutcome;
  limit: LimitFault | null;
}

export const FAULT_HEADER = 'x-emulator-fault';

const fromHeader = (header: string, fallbackDelay: number): FaultChoice => {
  const choice: FaultChoice = { delayMs: fallbackDelay, outcome: 'none', limit: null };
  for (const part of header.split(',').map((p) => p.trim().toLowerCase())) {
    const delay = /^delay=(\d+)$/.exec(part);
    if (delay?.[1] !== undefined) choice.delayMs = Number(delay[1]);
    else if (part === 'error' || part === 'drop' || part === 'drop-after') choice.outcome = part;
    else if (part === 'credits' || part === 'concurrency') choice.limit = part;
  }
  return choice;
};

export const chooseFault = (headers: Headers, settings: FaultSettings, random: () => number): FaultChoice => {
  const latency = Math.max(0, settings.latencyMs ?? 0);
  const header = headers.get(FAULT_HEADER);
  if (header !== null) return fromHeader(header, latency);
  const errorRate = settings.faults?.errorRate ?? 0;
  const dropRate = settings.faults?.dropRate ?? 0;
  if (errorRate <= 0 && dropRate <= 0) return { delayMs: latency, outcome: 'none', limit: null };
  const draw = random();
  if (draw < errorRate) return { delayMs: latency, outcome: 'error', limit: null };
  if (draw < errorRate + dropRate) return { delayMs: latency, outcome: 'drop', limit: null };
  return { delayMs: latency, outcome: 'none', limit: null };
};

/** What a dropped call looks like to a fetch caller. */
export const droppedCall = (): TypeError => new TypeError('fetch failed');
