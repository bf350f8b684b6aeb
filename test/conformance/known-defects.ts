/**
 * Where Zoho's own OpenAPI files contradict themselves, Zoho's docs pages or answers recorded from
 * Zoho. A case listed here still runs and is reported as a known defect of the file, never skipped;
 * one that conforms again is reported too, so the entry can go.
 */
import type { OasGeneration } from './oas-documents';

export interface KnownDefect {
  /** Which generation of the files has the defect. */
  generation: OasGeneration;
  /** The cases it affects. */
  cases: readonly string[];
  /** What the file says, and the evidence that Zoho answers otherwise. */
  why: string;
}

// The OAS 3.0 JSON set (v8.0/*.json) has no examples beside its schemas; each entry names the docs
// page (https://www.zoho.com/crm/developer/docs/api/v8/…) or the newer OAS 3.1 file that shows Zoho's
// answer, as gathered in ../shared/reference/ (zoho-crm-record-locking.md, zoho-crm-notes-tasks-search-limits.md).
const MISSING_STATUS_30 =
  'the 3.0 file lists only some statuses per operation (200/201 and 400). Zoho documents the others: 204 for no lock, ' +
  'no configuration, no search match and no COQL row (get-record-locking-info, get-record-locking-config, search-records, COQL ' +
  'pages); 403 NOT_ALLOWED "record is already locked" / NO_PERMISSION on lock and unlock (lock-records, unlock-records pages); ' +
  '401 OAUTH_SCOPE_MISMATCH and 429 TOO_MANY_REQUESTS for every call (status-codes page); 201 and 400 with data[] for inserts ' +
  '(insert-records page); the 3.1 files add these statuses';

export const KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    generation: '3.0',
    cases: [
      'lock-get-204',
      'lock-post-403-already-locked',
      'lock-post-403-no-permission',
      'lock-delete-403-automatic',
      'lock-get-401-scope',
      'configuration-get-204',
      'search-204',
      'search-429-too-many-requests',
      'search-429-rate-limit-exceeded',
      'coql-204',
      'tasks-post-201',
      'tasks-post-201-no-status',
      'tasks-post-400-invalid-picklist',
      'tasks-post-400-inactive-owner',
    ],
    why: MISSING_STATUS_30,
  },
  {
    generation: '3.0',
    cases: ['notes-post-201'],
    why: 'the 3.0 set has no POST /{module}/{record_id}/Notes (related_records.json reads only); the create-notes docs page documents it, with 201',
  },
  {
    generation: '3.0',
    cases: ['lock-get-200'],
    why: 'the 3.0 file types ids as integers (Zoho sends ids as strings, past 2^53: every docs example, and the 3.1 file types them string) and the page tokens as string only (the docs example and the 3.1 file have null)',
  },
  {
    generation: '3.0',
    cases: ['lock-get-400-no-configuration'],
    why: 'the 3.0 file leaves NOT_ALLOWED "Required Record Locking Configuration is not present" out of its 400 codes; the get-record-locking-info page lists it',
  },
  {
    generation: '3.0',
    cases: ['lock-post-400-no-reason'],
    why: 'the 3.0 file wants each item of data[] to be an array; the lock-records page shows MANDATORY_NOT_FOUND as an object inside data[]',
  },
  {
    generation: '3.0',
    cases: ['lock-put-200', 'lock-delete-200'],
    why: 'the 3.0 file reuses the records API success messages ("record updated", …); the update-record-locking-info and unlock-records pages answer "relation updated" and "relation removed"',
  },
  {
    generation: '3.0',
    cases: ['configuration-get-200'],
    why: 'the 3.0 file requires every rule criteria to be a group (group_operator, group); the get-record-locking-config page and Kaizen #109 show a single condition {comparator, field, value}',
  },
  {
    generation: '3.0',
    cases: ['profile-get-200'],
    why: 'the 3.0 file makes keys required that the get-profiles page leaves out of a profile (sections, category, created_by, …), types description string though the page shows null, and a permission\'s module string though org-wide permissions (Customize Zoho CRM) have none',
  },
  {
    generation: '3.0',
    cases: ['fields-get-200-tasks', 'fields-get-200-tasks-renamed', 'fields-get-200-locks'],
    why: 'the 3.0 file requires some 65 keys on every field (among them the misspelt file_upolad_optionlist and "common.picklist"), which no field of the field-meta page\'s example has all of',
  },
  {
    generation: '3.0',
    cases: ['users-current-200', 'users-active-admins-200', 'user-get-200-inactive'],
    why: 'the 3.0 file pins values of one sample user as the only ones allowed: date_format must be "MMM d, yyyy", email must match [a-z0-9]{9}@[a-z0-9]{5}.com, time_zone an object (the get-users page shows a string like "Asia/Kolkata")',
  },
  {
    generation: '3.0',
    cases: ['search-400-refused-field', 'coql-400-refused-column', 'tasks-put-200', 'tasks-put-200-renamed-completed', 'record-get-200'],
    why: 'the 3.0 file\'s oneOf branches overlap, so an answer fitting its INVALID_QUERY (or SUCCESS) shape also fits another branch and oneOf refuses it; the error lines name the two branches that both match',
  },
  {
    generation: '3.0',
    cases: ['coql-400-no-select-query'],
    why: 'the 3.0 file leaves MANDATORY_NOT_FOUND out of its COQL 400 codes; the 3.1 coql file and its example answer MANDATORY_NOT_FOUND with details {"api_name":"select_query"}',
  },
];

export const knownDefectOf = (generation: OasGeneration, caseId: string): KnownDefect | undefined =>
  KNOWN_DEFECTS.find((defect) => defect.generation === generation && defect.cases.includes(caseId));
