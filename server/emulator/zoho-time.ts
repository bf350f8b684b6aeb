/** The org's time zone: Zoho writes every datetime in it, as ISO 8601 with an offset. */
export const ORG_TIME_ZONE = 'America/New_York';

// Making a formatter costs far more than using one; a large org formats thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  const known = formatters.get(timeZone);
  if (known) return known;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  formatters.set(timeZone, format);
  return format;
};

const partsIn = (date: Date, timeZone: string): Record<string, number> => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
};

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/**
 * `2026-03-14T09:26:53-04:00`: Zoho's datetime form, to the second, in the given zone.
 * @example zohoTime(new Date('2026-01-05T14:00:00Z')) // '2026-01-05T09:00:00-05:00'
 */
export const zohoTime = (date: Date, timeZone: string = ORG_TIME_ZONE): string => {
  const p = partsIn(date, timeZone);
  const year = p['year'] ?? 1970;
  const month = p['month'] ?? 1;
  const day = p['day'] ?? 1;
  const hour = p['hour'] ?? 0;
  const minute = p['minute'] ?? 0;
  const second = p['second'] ?? 0;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`;
};
