/** Safe under both limits Zoho states for the reason (2000 for small text areas, 3000 in the OAS), until the field metadata says. */
export const defaultReasonMaxLength = 2000;

export type ReasonCheck =
  | { ok: true; reason: string }
  | { ok: false; problem: 'empty' | 'tooLong'; length: number; maxLength: number };

/**
 * Checks a lock reason before anything is sent: trimmed, not empty unless `optional` (an unlock's
 * reason), at most `maxLength` Unicode code points (an emoji counts as one, as Zoho counts characters).
 * @example validateReason('  audit  ', 2000) // { ok: true, reason: 'audit' }
 */
export function validateReason(input: string, maxLength: number, optional = false): ReasonCheck {
  const reason = input.trim();
  const length = [...reason].length;
  if (length === 0 && !optional) return { ok: false, problem: 'empty', length, maxLength };
  if (length > maxLength) return { ok: false, problem: 'tooLong', length, maxLength };
  return { ok: true, reason };
}
