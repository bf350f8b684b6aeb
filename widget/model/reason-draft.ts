import { computed, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import { validateReason } from '../crm/reason';
import type { ReasonCheck } from '../crm/reason';

/** The counter appears once the reason reaches this share of Zoho's limit. */
const COUNTER_THRESHOLD = 0.8;

export type ReasonProblem = Extract<ReasonCheck, { ok: false }>;

export interface ReasonDraft {
  text: ReadonlySignal<string>;
  /** Zoho's limit for Locked_Reason__s, in code points. */
  maxLength: ReadonlySignal<number>;
  /** Code points of the trimmed reason, as Zoho counts them. */
  length: ReadonlySignal<number>;
  showCounter: ReadonlySignal<boolean>;
  /** Set by a submit with a bad reason; cleared as soon as the text changes. */
  problem: ReadonlySignal<ReasonProblem | null>;
  set(text: string): void;
  /** The trimmed reason, or null after recording why it cannot be sent; `optional`: an empty one is fine (an unlock's). */
  check(optional?: boolean): string | null;
}

/**
 * The reason being typed. It lives in the model, not in the form, so that a refused or failed call,
 * or a form closed by a race, never loses what the user wrote.
 */
export function createReasonDraft(maxLength: ReadonlySignal<number>): ReasonDraft {
  const text = signal('');
  const problem = signal<ReasonProblem | null>(null);
  const length = computed(() => [...text.value.trim()].length);
  return {
    text,
    maxLength,
    length,
    showCounter: computed(() => length.value >= maxLength.value * COUNTER_THRESHOLD),
    problem,
    set(next) {
      text.value = next;
      problem.value = null;
    },
    check(optional) {
      const checked = validateReason(text.value, maxLength.value, optional);
      problem.value = checked.ok ? null : checked;
      return checked.ok ? checked.reason : null;
    },
  };
}
