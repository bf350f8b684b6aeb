import { batch, computed, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { CurrentUser } from '../host/host';
import { createTimeFormat } from '../i18n/format-time';
import type { TimeFormat } from '../i18n/format-time';
import { loadMessagesOrEnglish } from '../i18n/load-messages';
import type { LoadMessages } from '../i18n/load-messages';
import { intlLocaleOf, languageOf } from '../i18n/locale';
import { createTranslator } from '../i18n/messages';
import type { Messages, Translate } from '../i18n/messages';
import { failureOf } from './failure';
import type { Failure } from './failure';
import { createLimitWait } from './limit-wait';
import type { LimitWait } from './limit-wait';

/** starting: reading what the page shows; unavailable: not inside Zoho CRM; failed: a message and maybe a retry. */
export type Phase = 'starting' | 'ready' | 'unavailable' | 'failed';

/** What every page's store has: its phase, the viewer, their texts and times, and Zoho's API limit. */
export interface PageCore {
  phase: ReadonlySignal<Phase>;
  /** Why the page could not start (phase "failed" or "unavailable"). */
  startFailure: ReadonlySignal<Failure | null>;
  user: ReadonlySignal<CurrentUser | null>;
  t: ReadonlySignal<Translate>;
  time: ReadonlySignal<TimeFormat>;
  limit: LimitWait;
  /** Back to "starting", the last start failure cleared. */
  begin(): void;
  /** The viewer's texts: their language, else English, else none. */
  textsFor(locale: string): Promise<Messages>;
  /**
   * Shows the page: the viewer and their texts at once, so nothing renders half translated. With no
   * text at all to show the page in, it fails instead, with the built-in line and a retry.
   */
  ready(user: CurrentUser, messages: Messages, retryStart: () => void): void;
  /**
   * Shows why the page could not start, in the viewer's language when known (English otherwise);
   * Zoho's API limit is waited out, and the start tried once more by itself.
   */
  failed(failure: Failure, unavailable: boolean, messages: Messages, retryStart: () => void): void;
}

/** What every page's store shows of its core: its start, the viewer, their words and times, Zoho's limit. */
export interface PageShown extends Pick<PageCore, 'phase' | 'startFailure' | 't' | 'time' | 'user'> {
  /** While Zoho's API limit holds: the time (ms since the epoch) before which Try again is not offered. */
  waitUntil: ReadonlySignal<number | null>;
}

/** @example return { ...shownCore(core), start, retry }; */
export const shownCore = ({ phase, startFailure, t, time, user, limit }: PageCore): PageShown => ({ phase, startFailure, t, time, user, waitUntil: limit.until });

export interface PageCoreDependencies {
  loadMessages: LoadMessages;
  now: () => Date;
  /** What the page says before its texts arrive, or when they never do: its loading line, its start failure and "Try again". */
  builtInMessages?: Messages;
}

/** @example const core = createPageCore({ loadMessages, now: () => new Date() }); */
export function createPageCore({ loadMessages, now, builtInMessages }: PageCoreDependencies): PageCore {
  const phase = signal<Phase>('starting');
  const startFailure = signal<Failure | null>(null);
  const user = signal<CurrentUser | null>(null);
  const messages = signal<Messages>({});
  const locale = computed(() => intlLocaleOf(user.value?.locale ?? 'en'));
  const limit = createLimitWait(now);
  const failed: PageCore['failed'] = (failure, unavailable, texts, retryStart) => {
    batch(() => {
      messages.value = texts;
      startFailure.value = failure;
      phase.value = unavailable ? 'unavailable' : 'failed';
    });
    limit.waitOut(failure, retryStart);
  };
  return {
    phase,
    startFailure,
    user,
    t: computed(() => createTranslator(messages.value, locale.value, builtInMessages)),
    time: computed(() => createTimeFormat({ locale: locale.value, timeZone: user.value?.timeZone ?? 'UTC', now })),
    limit,
    begin() {
      batch(() => {
        phase.value = 'starting';
        startFailure.value = null;
      });
    },
    textsFor: (zohoLocale) => loadMessagesOrEnglish(loadMessages, languageOf(zohoLocale)),
    ready(viewer, texts, retryStart) {
      if (Object.keys(texts).length === 0) return failed(failureOf('start.failed', true), false, texts, retryStart);
      limit.started();
      batch(() => {
        user.value = viewer;
        messages.value = texts;
        phase.value = 'ready';
      });
    },
    failed,
  };
}
