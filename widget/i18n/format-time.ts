export interface TimeFormat {
  /** e.g. "12 Mar 2024, 14:05" in the user's locale and time zone */
  exact(iso: string): string;
  /** e.g. "2 minutes ago", "yesterday" */
  relative(iso: string): string;
}

export interface TimeFormatOptions {
  /** BCP 47, e.g. "de-DE" */
  locale: string;
  /** IANA, e.g. "Europe/Berlin" */
  timeZone: string;
  now: () => Date;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** A time zone Intl knows, or UTC: a zone name Intl rejects would otherwise throw on every date. */
export function knownTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * Formats lock times for one user.
 * @example createTimeFormat({ locale: 'en-US', timeZone: 'America/New_York', now: () => new Date() })
 */
export function createTimeFormat({ locale, timeZone, now }: TimeFormatOptions): TimeFormat {
  const exactFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: knownTimeZone(timeZone),
  });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    exact: (iso) => exactFormat.format(new Date(iso)),
    relative(iso) {
      const elapsed = Math.round((new Date(iso).getTime() - now().getTime()) / 1000);
      // Clocks differ by a few seconds: a lock set a moment ago reads "now", never "in 3 seconds".
      const seconds = Math.abs(elapsed) < 45 ? 0 : elapsed;
      const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
      return relativeFormat.format(Math.round(seconds / size), unit);
    },
  };
}
