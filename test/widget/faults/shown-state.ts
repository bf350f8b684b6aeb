/** What the panel shows, read from the page as a person reads it. */
import { screen, within } from '@testing-library/preact';
import english from '../../../app/translations/en.json';

export interface ShownLock {
  locked: boolean;
  /** "you" when the status says the viewer locked it, else null (not locked, or someone else). */
  byViewer: boolean;
  reason: string | null;
}

const REASON_PREFIX = english['status.reason'].replace('{reason}', '');
const BY_YOU = english['status.locked.byYouAt'].replace(' {relative}', '');

export const statusRegion = (): HTMLElement => screen.getByRole('status', { name: english['status.label'] });

export function shownLock(): ShownLock {
  const lines = [...statusRegion().querySelectorAll('p')].map((p) => p.textContent ?? '');
  const locked = lines[0]?.trim() === english['status.locked'];
  const reasonLine = lines.find((line) => line.startsWith(REASON_PREFIX));
  return {
    locked,
    byViewer: locked && lines.some((line) => line.startsWith(BY_YOU)),
    reason: reasonLine === undefined ? null : reasonLine.slice(REASON_PREFIX.length),
  };
}

/** The error notice: an alert that offers "Try again". */
export function errorWithRetry(): HTMLElement | null {
  return (
    screen
      .queryAllByRole('alert')
      .find((alert) => within(alert).queryByRole('button', { name: english['action.retry'] }) !== null) ?? null
  );
}

export const reasonBox = (): HTMLTextAreaElement | null =>
  screen.queryByRole('textbox', { name: english['form.reason.label'] }) as HTMLTextAreaElement | null;

export const button = (name: 'action.lock' | 'action.editReason' | 'action.unlock' | 'action.save' | 'action.cancel' | 'action.confirmUnlock' | 'action.retry' | 'action.dismiss'): HTMLElement | null =>
  screen.queryByRole('button', { name: english[name] });

export const UNEXPECTED = english['error.unexpected'];
export { english };
