/**
 * One page of a related list (`page`, `per_page` ≤200, `sort_by` id|Created_Time|Modified_Time,
 * `sort_order` asc|desc) and its `info` block, as Zoho's related-records and notes calls answer:
 * their OpenAPI files list no sort keys in `info` (the related-notes file forbids any other key).
 */
import { ERRORS, fail } from './errors';
import { compareIds, type RecordState } from './state';

const SORT_KEYS = ['id', 'Created_Time', 'Modified_Time'] as const;
type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

const MAX_PER_PAGE = 200;

const timeOf = (record: RecordState, key: 'Created_Time' | 'Modified_Time'): number =>
  Date.parse(key === 'Created_Time' ? record.createdTime : record.modifiedTime);

const positiveInt = (raw: string | null, name: string, fallback: number): number => {
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) return fail(ERRORS.invalidData, { param_name: name });
  return value;
};

export interface RelatedPage {
  rows: RecordState[];
  info: Record<string, unknown>;
}

/** The asked page of `records`, sorted; ties in time fall back to the id, so the order is total. */
export const relatedPage = (
  url: URL,
  records: readonly RecordState[],
  defaults: { sortBy: SortKey; sortOrder: SortOrder },
  /** True: `sort_by` and `sort_order` are not read at all; the defaults apply (the `notes-unsorted` variant). */
  ignoreSort = false,
): RelatedPage => {
  const params = url.searchParams;
  const page = positiveInt(params.get('page'), 'page', 1);
  const perPage = positiveInt(params.get('per_page'), 'per_page', MAX_PER_PAGE);
  if (perPage > MAX_PER_PAGE) fail(ERRORS.invalidData, { param_name: 'per_page', maximum_length: MAX_PER_PAGE });
  const sortBy = (ignoreSort ? null : params.get('sort_by')) ?? defaults.sortBy;
  if (!(SORT_KEYS as readonly string[]).includes(sortBy)) {
    fail(ERRORS.invalidData, { param_name: 'sort_by', supported_values: [...SORT_KEYS] });
  }
  const sortOrder = (ignoreSort ? null : params.get('sort_order')) ?? defaults.sortOrder;
  if (sortOrder !== 'asc' && sortOrder !== 'desc') fail(ERRORS.invalidData, { param_name: 'sort_order', supported_values: ['asc', 'desc'] });
  const key = sortBy as SortKey;
  const sign = sortOrder === 'asc' ? 1 : -1;
  const sorted = [...records].sort(
    (a, b) => sign * ((key === 'id' ? 0 : timeOf(a, key) - timeOf(b, key)) || compareIds(a.id, b.id)),
  );
  const rows = sorted.slice((page - 1) * perPage, page * perPage);
  return {
    rows,
    info: {
      per_page: perPage,
      count: rows.length,
      page,
      more_records: page * perPage < sorted.length,
      next_page_token: null,
      previous_page_token: null,
      page_token_expiry: null,
    },
  };
};
