import { signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { Failure } from './failure';

/** Zoho's API limit as a page lives with it: when Try again may be offered again. */
export interface LimitWait {
  /** While Zoho's limit holds: the time (ms since the epoch) before which Try again is not offered. */
  until: ReadonlySignal<number | null>;
  /**
   * After a failure that asks to wait (Zoho's 429), holds Try again back for the time Zoho names,
   * then runs `retryRead` once per start, if given: a refused read is tried again by itself, a
   * refused change never is, the viewer decides.
   */
  waitOut(failure: Failure | null | undefined, retryRead?: () => void): void;
  /** A fresh start: its refused reads may be retried by themselves again. */
  started(): void;
  dispose(): void;
}

export function createLimitWait(now: () => Date): LimitWait {
  const until = signal<number | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let autoRetried = false;
  return {
    until,
    waitOut(failure, retryRead) {
      if (!failure?.waitSeconds) return;
      const ms = failure.waitSeconds * 1000;
      until.value = now().getTime() + ms;
      clearTimeout(timer);
      timer = setTimeout(() => {
        until.value = null;
        if (retryRead && !autoRetried) {
          autoRetried = true;
          retryRead();
        }
      }, ms);
    },
    started: () => void (autoRetried = false),
    dispose: () => clearTimeout(timer),
  };
}
