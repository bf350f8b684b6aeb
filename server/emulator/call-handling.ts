/**
 * One API call through the emulator: the variants it runs under, its injected latency and faults,
 * the API limits that meter it, then the router's answer. A call that may write is noted in the
 * lock index and saved.
 */
import { tokenUserId } from './auth';
import { creditCost, peekJson } from './credit-cost';
import type { Emulator } from './emulator-api';
import type { EmulatorCore } from './emulator-core';
import { ERRORS, errorResponse } from './errors';
import { chooseFault, droppedCall, type FaultChoice } from './faults';
import { asRateLimitExceeded } from './rate-limit-answer';
import { routeRequest, segmentsOf } from './router';
import type { CallVariants } from './routes/context';
import { taskPicklistsOf } from './task-picklists';
import { chooseVariants, VARIANTS, type Variant } from './variants';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const createCallHandler = (core: EmulatorCore): Emulator['handle'] => {
  const { now, random, lockIndex, limiter } = core;

  const respond = async (request: Request, call: CallVariants): Promise<Response> => {
    try {
      return await routeRequest(core.state, request, now(), call);
    } catch (error) {
      // Only a bug gets here; it still answers in Zoho's envelope rather than crashing the caller.
      console.error('emulator: unexpected error', error);
      return errorResponse(ERRORS.internalError);
    }
  };

  /** The call itself, with its injected latency and faults: the time it is in flight. */
  const run = async (request: Request, fault: FaultChoice, call: CallVariants): Promise<Response> => {
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.outcome === 'drop') throw droppedCall();
    if (fault.outcome === 'error') return errorResponse(ERRORS.internalError);
    const response = await respond(request, call);
    if (!READ_ONLY_METHODS.has(request.method.toUpperCase())) {
      lockIndex.note(core.state, now().getTime());
      core.save();
    }
    return response;
  };

  const callVariants = (variants: ReadonlySet<Variant>): CallVariants => ({
    variants,
    indexedLock: (module, recordId, lockedNow) =>
      variants.has('locked-search-lag')
        ? lockIndex.lockedAsIndexed(module, recordId, lockedNow, now().getTime(), core.searchLagMs)
        : lockedNow,
    picklists: taskPicklistsOf(variants),
  });

  return async (request, handleOptions = {}) => {
    const variants = chooseVariants(request.headers, core.ownVariants);
    // A header naming no variant is a mistake in the caller's test: say so before anything is spent.
    if ('unknown' in variants) return errorResponse(ERRORS.unknownVariant, { variants: variants.unknown, supported_values: [...VARIANTS] });
    const call = callVariants(variants);
    const fault = chooseFault(request.headers, core.faultSettings, random);
    const segments = segmentsOf(new URL(request.url).pathname);
    const userId = tokenUserId(core.state, request);
    // No known token, or no API path: the router's 401/404 follows, which costs nothing.
    if (userId === null || segments === undefined || handleOptions.metered === false) {
      const response = await run(request, fault, call);
      if (fault.outcome === 'drop-after') throw droppedCall();
      return response;
    }
    const cost = creditCost(request.method, segments, await peekJson(request));
    const admission = limiter.admit({ userId, at: now().getTime(), cost, forced: fault.limit });
    if (admission instanceof Response) return variants.has('rate-limit-exceeded') ? asRateLimitExceeded(admission) : admission;
    let response: Response;
    try {
      response = admission.finish(await run(request, fault, call));
    } catch (error) {
      admission.abandon();
      throw error;
    }
    // Applied, then lost: the call was made, so its credits are spent.
    if (fault.outcome === 'drop-after') throw droppedCall();
    return response;
  };
};
