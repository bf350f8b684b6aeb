import type { CallLogEntry } from '../invoke-schema';

export interface CallLogRow {
  cells: string[];
  /** `is-limited` for Zoho's 429 (API limits), `is-error` for other failures, '' otherwise. */
  className: string;
  /** The full path and the connection, for the path cell's tooltip. */
  title: string;
}

/** One row of the page's call log: a 429 stands apart from other errors, being Zoho's limits, not a fault. */
export function callLogRow(call: CallLogEntry, at: string): CallLogRow {
  // Version prefix and query go to the tooltip, keeping the column short.
  const shortPath = call.path.split('?')[0]?.replace(/^\/crm\/v\d+/, '') ?? call.path;
  const shownPath = call.summary === undefined ? shortPath : `${shortPath}: ${call.summary}`;
  const status = call.status === null ? 'dropped' : call.status === 429 ? '429 limit' : String(call.status);
  const className = call.status === 429 ? 'is-limited' : call.status === null || call.status >= 400 ? 'is-error' : '';
  return {
    cells: [at, call.method, shownPath, status, String(call.durationMs)],
    className,
    title: `${call.path} (${call.connection} connection)`,
  };
}
