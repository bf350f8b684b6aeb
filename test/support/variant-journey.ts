import { expect } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import english from '../../app/translations/en.json';
import type { Emulator } from '../../server/emulator/index';
import type { Visit } from './matrix-report';
import { WIDGET_FRAME } from './record-page';

/** What a journey of the variant matrix runs in: one browser context, the dev server, and the page's variants. */
export interface JourneyRun {
  context: BrowserContext;
  serverUrl: string;
  emulator: Emulator;
  /** `&variant=` for every page the journey opens; undefined for Zoho's default answers. */
  variant: string | undefined;
  /** Tells the report what a panel view cost. */
  noteCalls(visit: Visit, count: number): void;
}

export type Journey = (run: JourneyRun) => Promise<void>;

/** A text with `{placeholders}` as a pattern that any value of them matches. */
const patternOf = (text: string): RegExp =>
  new RegExp(text.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('.*'));

/**
 * The messages that mean "Zoho answered something this version did not expect": none may show where a
 * variant is an answer Zoho documents or may give.
 */
const UNKNOWN_ANSWER_TEXTS = (['error.unknown', 'error.unexpected', 'error.malformed', 'error.notUnderstood', 'error.notUnderstood.code', 'error.requestRejected'] as const).map(
  (key) => ({ key, pattern: patternOf(english[key]) }),
);

/** Fails when any extension frame of the context's pages shows a message for an answer it did not understand. */
export async function expectNoUnknownAnswer(context: BrowserContext): Promise<void> {
  for (const page of context.pages()) {
    const frame = page.frameLocator(WIDGET_FRAME);
    if ((await frame.locator('body').count()) === 0) continue;
    const text = await frame.locator('body').innerText();
    const shown = UNKNOWN_ANSWER_TEXTS.filter(({ pattern }) => pattern.test(text)).map(({ key }) => key);
    expect(shown, `${new URL(page.url()).pathname} shows a message for an answer it did not understand`).toEqual([]);
  }
}
