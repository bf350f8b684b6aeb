import { computed, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';

/**
 * Longest message or reply, in code points: Zoho's small text area limit, well inside the 32,000 a
 * task's Description holds with the request's other lines and a reply added.
 */
const MESSAGE_MAX_LENGTH = 2000;

export interface MessageDraft {
  text: ReadonlySignal<string>;
  /** Code points of the trimmed text, as Zoho counts them. */
  length: ReadonlySignal<number>;
  maxLength: number;
  /** Set by a send over the limit; cleared as the text changes. */
  tooLong: ReadonlySignal<boolean>;
  set(text: string): void;
  /** The trimmed text, or null after marking it too long. An empty message is fine. */
  check(): string | null;
}

/** An optional message kept in the model, so a refused or failed send never loses it. */
export function createMessageDraft(maxLength = MESSAGE_MAX_LENGTH): MessageDraft {
  const text = signal('');
  const tooLong = signal(false);
  const length = computed(() => [...text.value.trim()].length);
  return {
    text,
    length,
    maxLength,
    tooLong,
    set(next) {
      text.value = next;
      tooLong.value = false;
    },
    check() {
      tooLong.value = length.value > maxLength;
      return tooLong.value ? null : text.value.trim();
    },
  };
}
