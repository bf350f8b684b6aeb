/**
 * What the call log shows beside a call's path when the path alone does not say what was asked:
 * a COQL call's query, cut short. Undefined for every other call.
 */
const MAX_SUMMARY = 80;

const queryOf = (body: string | null): string | undefined => {
  if (body === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const query = typeof parsed === 'object' && parsed !== null ? (parsed as { select_query?: unknown }).select_query : undefined;
    return typeof query === 'string' ? query : undefined;
  } catch {
    // Not JSON: the emulator will refuse it, and the log shows the path alone.
    return undefined;
  }
};

/** @example callSummary('/crm/v8/coql', '{"select_query":"select id from Tasks where Status = \'Completed\'"}') */
export function callSummary(path: string, body: string | null): string | undefined {
  if (!/^\/crm\/v\d+\/coql(\?|$)/.test(path)) return undefined;
  const query = queryOf(body)?.replace(/\s+/g, ' ').trim();
  if (query === undefined || query === '') return undefined;
  return query.length > MAX_SUMMARY ? `${query.slice(0, MAX_SUMMARY - 1)}…` : query;
}
