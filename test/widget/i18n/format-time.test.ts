import { describe, expect, it } from 'vitest';
import { createTimeFormat } from '../../../widget/i18n/format-time';

const lockedAt = '2024-03-01T10:00:00+00:00';

describe('createTimeFormat', () => {
  it.each([
    ['en-US', 'America/New_York', 'Mar 1, 2024, 5:00 AM'],
    ['de-DE', 'Europe/Berlin', '01.03.2024, 11:00'],
    ['ja-JP', 'Asia/Tokyo', '2024/03/01 19:00'],
  ])('shows the exact time in %s and the time zone %s', (locale, timeZone, expected) => {
    const format = createTimeFormat({ locale, timeZone, now: () => new Date() });
    // Intl separates date and time with a narrow no-break space in some versions.
    expect(format.exact(lockedAt).replace(/\s/g, ' ')).toBe(expected);
  });

  it.each([
    ['en-US', '2024-03-01T10:02:00Z', '2 minutes ago'],
    ['en-US', '2024-03-01T10:00:10Z', 'now'],
    ['en-US', '2024-03-02T11:00:00Z', 'yesterday'],
    ['de-DE', '2024-03-01T13:00:00Z', 'vor 3 Stunden'],
    ['fr-FR', '2024-03-01T10:05:00Z', 'il y a 5 minutes'],
  ])('says in %s how long ago the lock was set, at %s', (locale, now, expected) => {
    const format = createTimeFormat({ locale, timeZone: 'UTC', now: () => new Date(now) });
    expect(format.relative(lockedAt)).toBe(expected);
  });

  it('falls back to UTC for a time zone Intl does not know', () => {
    const format = createTimeFormat({ locale: 'en-GB', timeZone: 'Mars/Olympus', now: () => new Date() });
    expect(format.exact(lockedAt)).toContain('10:00');
  });
});
