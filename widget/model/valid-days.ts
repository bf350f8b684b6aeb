/** A whole number of days from 1 to 3650 (typed or stored), or null. */
export function validDays(value: unknown): number | null {
  const days = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 3650 ? days : null;
}
